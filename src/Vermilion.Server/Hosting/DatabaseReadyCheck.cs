using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Hosting;

/// <summary>Ready means every module's database answers and has no migration left to apply.</summary>
internal sealed class DatabaseReadyCheck(IEnumerable<IModuleDatabase> modules, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = new List<string>();
            foreach (var module in modules)
            {
                pending.AddRange(await module.PendingMigrationsAsync(services, cancellationToken));
            }

            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Pending migrations: " + string.Join(", ", pending));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", error);
        }
    }
}
