using System.Globalization;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Server.Cli;

/// <summary><c>eval recsys</c>: the recommender's offline evaluation. It reads files only, so it runs without a database.</summary>
internal static class EvaluationCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var data = Commands.OptionValue(args, "--data");
        var protocol = Commands.OptionValue(args, "--protocol");
        if (data is null || protocol is null)
        {
            await Console.Error.WriteLineAsync("eval recsys needs --data <file> and --protocol <loo-full|random-split|given-split>.");
            return 2;
        }

        int? threads = null;
        if (Commands.OptionValue(args, "--threads") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                await Console.Error.WriteLineAsync("--threads must be a number.");
                return 2;
            }

            threads = value;
        }

        var request = new RecommenderEvaluationRequest(data, protocol)
        {
            TestPath = Commands.OptionValue(args, "--test"),
            JsonPath = Commands.OptionValue(args, "--json"),
            Algorithms = Commands.OptionValue(args, "--algorithms")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Threads = threads,
        };
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await services.GetRequiredService<IRecommenderEvaluation>().RunAsync(request, Console.Out, cancel.Token);
    }
}
