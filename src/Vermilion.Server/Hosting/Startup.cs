using Vermilion.Kernel.Persistence;
using Vermilion.Server.Cli;

namespace Vermilion.Server.Hosting;

/// <summary>
/// Runs before the server takes requests: applies migrations and, on a new installation, generates the demo
/// community. A hosted service, so the test host and every node prepare the same way.
/// </summary>
internal sealed class Startup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Migrator.MigrateAllAsync(services, cancellationToken);
        if (configuration.GetValue("Vermilion:SeedDemo", true))
        {
            await DemoCommunity.SeedAsync(services, DemoScale.Small, Console.Out, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Prints where the platform listens and how to sign in.</summary>
    public static void Announce(WebApplication app)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine($"""

            Vermilion is running at {url}
            Sign in as  demo / vermilion-demo-2026   (admin / vermilion-demo-2026 moderates)
            API docs    {url}/api/docs

            """);
    }
}
