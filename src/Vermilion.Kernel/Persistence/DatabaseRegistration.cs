using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Events;

namespace Vermilion.Kernel.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider, with its own migrations history and outbox. The
    /// contexts are pooled (reset and reused, their options built once per host): creating a context and its
    /// internal services afresh was a tenth of a small authenticated request's work.
    /// </summary>
    public static IServiceCollection AddModuleDb<TContext>(this IServiceCollection services, string prefix)
        where TContext : ModuleDbContext
    {
        services.AddDbContextPool<TContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            var history = prefix + "_migrations";
            if (settings.IsSqlite)
            {
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(history));
                options.AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance, OutboxCommitSignal.Instance);
            }
            else
            {
                options.UseNpgsql(settings.ConnectionString, o => o.MigrationsHistoryTable(history));
                options.AddInterceptors(OutboxCommitSignal.Instance);
            }
        });
        services.AddSingleton<IOutboxSource, OutboxSource<TContext>>();
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return services;
    }

    /// <summary>The SQLite connection string for a data directory: one file, shared by every module.</summary>
    public static string SqliteConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "vermilion.db"),
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
