using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Evaluation.Data;
using Vermilion.Discovery.Evaluation.Protocols;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation;

/// <summary>
/// The offline evaluation: reads a dataset, splits it by the protocol, trains every requested algorithm on the
/// training part only, ranks for every test case and reports the protocol's metrics with training time and memory.
/// </summary>
internal sealed class RecommenderEvaluation : IRecommenderEvaluation
{
    public static IReadOnlyList<string> Protocols { get; } = ["loo-full", "random-split", "given-split"];

    public async Task<int> RunAsync(RecommenderEvaluationRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (Problem(request) is { } problem)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }

        var progress = new WriterProgress(output);
        progress.Report($"machine: {MachineDescription.Describe()}; using {request.Threads ?? Environment.ProcessorCount} threads");
        progress.Report($"reading {request.DataPath}");
        var (data, test) = await Dataset.LoadAsync(request.DataPath, request.Protocol == "given-split" ? request.TestPath : null, cancellationToken);
        progress.Report($"{data.Name} ({data.Format}): {data.Users.Count} users, {data.Items.Count} items, {data.Log.InteractionCount} interactions" +
            (data.ItemAttributes is null ? "" : ", item attributes") + (test is null ? "" : $"; test file: {test.InteractionCount} interactions"));
        var split = request.Protocol switch
        {
            "loo-full" => LeaveOneOut.Split(data.Log),
            "random-split" => RandomSplit.Split(data.Log, request.Seed),
            _ => GivenSplit.Split(data.Log, test!),
        };
        progress.Report($"{split.Protocol}: {split.Train.InteractionCount} training interactions, {split.Cases.Count} test cases");

        var options = new TrainingOptions
        {
            Holdout = split.Holdout,
            HoldoutFraction = split.HoldoutFraction,
            Seed = request.Seed,
            ItemAttributes = data.ItemAttributes,
            MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount,
        };
        var known = EvaluationAlgorithm.For(split, options);
        var unknown = request.Algorithms.Where(a => known.All(k => k.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            await output.WriteLineAsync($"Unknown algorithm(s) {string.Join(", ", unknown)}; for this data and protocol: {string.Join(", ", known.Select(k => k.Name))}.");
            return 2;
        }

        var chosen = request.Algorithms.Count == 0 ? known : [.. known.Where(k => request.Algorithms.Contains(k.Name))];
        var results = new List<AlgorithmResult>();
        foreach (var algorithm in chosen)
        {
            progress.Report($"{algorithm.Name}: training");
            RecommenderModel model;
            double trainSeconds, peakManaged;
            using (var meter = new ResourceMeter())
            {
                model = await Task.Run(() => algorithm.Train(split, data, options, progress, cancellationToken), cancellationToken);
                trainSeconds = meter.Elapsed.TotalSeconds;
                peakManaged = meter.PeakManagedBytes / 1048576.0;
            }

            if (model.Report.Sources.Count > 0)
            {
                await output.WriteLineAsync(model.Report.ToString());
            }

            var started = DateTime.UtcNow;
            var metrics = await Task.Run(() => Evaluate(model, split, options.MaxDegreeOfParallelism, cancellationToken), cancellationToken);
            var evaluateSeconds = (DateTime.UtcNow - started).TotalSeconds;
            var result = new AlgorithmResult(algorithm.Name, metrics, trainSeconds, evaluateSeconds, peakManaged, ResourceMeter.PeakWorkingSetBytes() / 1048576.0);
            results.Add(result);
            progress.Report($"{algorithm.Name}: {string.Join(", ", metrics.Select(m => $"{m.Metric} {m.Value:F4}"))} (trained in {trainSeconds:F1}s)");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{data.Name}, {split.Protocol}, {split.Cases.Count} test cases");
        await output.WriteLineAsync(ResultsTable.Format(results));
        if (request.JsonPath is not null)
        {
            await ResultsTable.WriteJsonAsync(request.JsonPath, results, cancellationToken);
            await output.WriteLineAsync($"Wrote {request.JsonPath}");
        }

        return 0;
    }

    /// <summary>Each metric averaged over the test cases, every case ranked by the model exactly as the feed would.</summary>
    public static IReadOnlyList<(string Metric, double Value)> Evaluate(RecommenderModel model, EvaluationSplit split, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        var depth = split.Metrics.Max(m => m.K);
        var values = new double[split.Cases.Count, split.Metrics.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, split.Cases.Count, parallel, c =>
        {
            var @case = split.Cases[c];
            var ranked = model.Recommend(@case.History, depth).Select(r => r.Item).ToList();
            var targets = @case.Targets.ToHashSet();
            for (var m = 0; m < split.Metrics.Count; m++)
            {
                values[c, m] = split.Metrics[m].Of(ranked, targets);
            }
        });

        return [.. split.Metrics.Select((metric, m) => (metric.Name, Enumerable.Range(0, split.Cases.Count).Average(c => values[c, m])))];
    }

    private static string? Problem(RecommenderEvaluationRequest request)
    {
        if (!Protocols.Contains(request.Protocol))
        {
            return $"--protocol must be one of {string.Join(", ", Protocols)}.";
        }

        if (!File.Exists(request.DataPath))
        {
            return $"No data file at {Path.GetFullPath(request.DataPath)}.";
        }

        if (request.Protocol == "given-split" && (request.TestPath is null || !File.Exists(request.TestPath)))
        {
            return "--protocol given-split needs --test <file> naming an existing test file.";
        }

        return request.Threads is <= 0 ? "--threads must be positive." : null;
    }
}
