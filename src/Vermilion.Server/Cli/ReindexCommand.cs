using Vermilion.Discovery.Contracts;

namespace Vermilion.Server.Cli;

/// <summary>Rebuilds search from the community's notes and commerce's products, with progress and the time each part took.</summary>
internal static class ReindexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var maintenance = services.GetRequiredService<ISearchIndexMaintenance>();
        var progress = new Progress<int>(read => output.Write($"\r  notes read: {read}"));
        var report = await maintenance.ReindexAsync(progress, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Indexed {report.Notes} notes and {report.Products} products in {report.Indexing.TotalSeconds:F1}s; learned {report.Words} words in " +
            $"{report.Learning.TotalSeconds:F1}s; {report.Suggestions} suggestions in {report.Suggesting.TotalSeconds:F1}s.");
        return 0;
    }
}
