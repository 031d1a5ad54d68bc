using System.Diagnostics;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Cli;

/// <summary>How big a demo community to generate.</summary>
internal sealed record DemoScale(string Name, int People, int Notes, int Interactions)
{
    public static readonly DemoScale Small = new("small", 300, 3_000, 30_000);
    public static readonly DemoScale Large = new("large", 50_000, 200_000, 5_000_000);

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
        var content = scope.ServiceProvider.GetRequiredService<IDemoCommunity>();
        var stages = new StageProgress(output);
        var notes = await content.EnsureAsync(people, scale.Notes, scale.Interactions, stages, cancellationToken);
        stages.Done();
        var products = await scope.ServiceProvider.GetRequiredService<IDemoCommerce>().EnsureAsync(people, cancellationToken);
        // The small demo is the newcomer's first look, so it opens with searches; the large one is for benchmarks,
        // whose load makes its own searches (and indexing 200,000 notes here would double its seeding time).
        var searches = scale == DemoScale.Small ? await scope.ServiceProvider.GetRequiredService<IDemoSearches>().EnsureAsync(people, cancellationToken) : 0;
        await PlannerStatistics.RefreshAsync(services, cancellationToken);
        await output.WriteLineAsync($"Demo community ({scale.Name}): {people.Count} people, {notes} notes, {products} products, {searches} searches in {watch.Elapsed.TotalSeconds:F1}s.");
    }
}

/// <summary>Progress of a job with named stages, one bar (one line) per stage: a new name or a new total starts a new line.</summary>
internal sealed class StageProgress(TextWriter output) : IProgress<(string Stage, int Done, int Total)>
{
    private ConsoleProgress? _bar;
    private (string Stage, int Total)? _current;

    public void Report((string Stage, int Done, int Total) value)
    {
        if (_current != (value.Stage, value.Total))
        {
            _bar?.Done();
            _current = (value.Stage, value.Total);
            _bar = new ConsoleProgress(output, value.Stage, value.Total);
        }

        _bar!.Report(value.Done);
    }

    public void Done() => _bar?.Done();
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
