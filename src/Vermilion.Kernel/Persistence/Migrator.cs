using Microsoft.Extensions.DependencyInjection;

namespace Vermilion.Kernel.Persistence;

/// <summary>Applies every module's migrations, forward only, in registration order.</summary>
public static class Migrator
{
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.IsSqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
        }

        foreach (var module in services.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(services, cancellationToken);
        }
    }
}
