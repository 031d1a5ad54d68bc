namespace Vermilion.Discovery.Contracts;

/// <summary>Offline evaluation of the recommender on a public dataset under a published protocol.</summary>
public interface IRecommenderEvaluation
{
    /// <summary>Runs the evaluation, writing progress and the results table to <paramref name="output"/>.</summary>
    /// <returns>0 on success, 2 when the request is unusable (the reason is written to <paramref name="output"/>).</returns>
    Task<int> RunAsync(RecommenderEvaluationRequest request, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>What to evaluate.</summary>
/// <param name="DataPath">The interaction file: sequence lines, a RecBole <c>.inter</c> file, or user/item pairs.</param>
/// <param name="Protocol"><c>loo-full</c>, <c>random-split</c> or <c>given-split</c>.</param>
public sealed record RecommenderEvaluationRequest(string DataPath, string Protocol)
{
    /// <summary>The test file of a given split.</summary>
    public string? TestPath { get; init; }

    /// <summary>Where to write the results as JSON, one object per algorithm and metric.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Algorithms by name; empty for all that apply.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [];

    /// <summary>Cores to use; all when unset.</summary>
    public int? Threads { get; init; }

    public int Seed { get; init; } = 42;
}
