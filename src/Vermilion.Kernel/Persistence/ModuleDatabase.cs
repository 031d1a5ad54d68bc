using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Vermilion.Kernel.Persistence;

/// <summary>One module's database, as seen by start-up, the migrate command and the readiness check.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Type ContextType { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext> : IModuleDatabase
    where TContext : ModuleDbContext
{
    public string Module => typeof(TContext).Name;

    public Type ContextType => typeof(TContext);

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
