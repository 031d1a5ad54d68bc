using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Vermilion.Kernel.Persistence;

/// <summary>
/// Context options whose connections come from a small pool of their own. A writer that must not queue behind a
/// storm of readers (the flash-sale writer holds a row lock everyone waits for) would otherwise wait for the
/// shared pool like any request. On SQLite, where connections are not limited, the options are the shared ones.
/// </summary>
public static class DedicatedPool
{
    public static DbContextOptions<TContext> Options<TContext>(IServiceProvider services, string purpose, int size)
        where TContext : ModuleDbContext
    {
        var shared = services.GetRequiredService<DbContextOptions<TContext>>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.IsSqlite)
        {
            return shared;
        }

        // Npgsql keeps one pool per distinct connection string: a name of its own is a pool of its own.
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { ApplicationName = "vermilion-" + purpose, MaxPoolSize = size, MinPoolSize = 0 };
        return new DbContextOptionsBuilder<TContext>(shared).UseNpgsql(connection.ConnectionString).Options;
    }
}
