using System.Globalization;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Cli;

/// <summary>
/// <c>train [--threads N]</c>: trains the discovery feed now, with progress, on all cores unless told otherwise, and
/// saves the model where running servers pick it up. The scheduled training does the same in the background.
/// </summary>
internal static class TrainCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        int? threads = null;
        if (Commands.OptionValue(args, "--threads") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                await Console.Error.WriteLineAsync("--threads must be a positive number.");
                return 2;
            }

            threads = value;
        }

        await Migrator.MigrateAllAsync(services);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var result = await services.GetRequiredService<IFeedTraining>()
            .TrainAsync(new FeedTrainingRequest(threads ?? Environment.ProcessorCount), new LineProgress(Console.Out), cancel.Token);
        Console.WriteLine($"Trained on {result.Notes} notes, {result.Signals} signals, {result.People} people " +
            $"({result.PeopleWithCandidates} with precomputed candidates) in {result.Took.TotalSeconds:F1}s; model: {result.ModelPath}");
        return 0;
    }

    /// <summary>Writes each progress line at once, in order.</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        private readonly Lock gate = new();

        public void Report(string value)
        {
            lock (gate)
            {
                output.WriteLine(value);
                output.Flush();
            }
        }
    }
}
