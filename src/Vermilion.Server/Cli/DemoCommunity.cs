using System.Diagnostics;
using Vermilion.Accounts.Contracts;

namespace Vermilion.Server.Cli;

/// <summary>How big a demo community to generate.</summary>
internal sealed record DemoScale(string Name, int People)
{
    public static readonly DemoScale Small = new("small", 300);
    public static readonly DemoScale Large = new("large", 50_000);

    public static DemoScale? Parse(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "large" => Large,
        _ => null,
    };
}

/// <summary>Asks each module for its share of the demo community, in dependency order, with progress.</summary>
internal static class DemoCommunity
{
    public static async Task SeedAsync(IServiceProvider services, DemoScale scale, TextWriter output, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IDemoAccounts>();
        var progress = new ConsoleProgress(output, "people", scale.People);
        var people = await accounts.EnsureAsync(scale.People, progress, cancellationToken);
        progress.Done();
        await output.WriteLineAsync($"Demo community ({scale.Name}): {people.Count} people in {watch.Elapsed.TotalSeconds:F1}s.");
    }
}

/// <summary>A one-line progress bar that redraws in place.</summary>
internal sealed class ConsoleProgress(TextWriter output, string what, int total) : IProgress<int>
{
    public void Report(int value)
    {
        var done = Math.Clamp(value, 0, total);
        var filled = total == 0 ? 30 : done * 30 / total;
        output.Write($"\r  {what,-12} [{new string('#', filled)}{new string('.', 30 - filled)}] {done}/{total}");
    }

    public void Done() => output.WriteLine();
}
