namespace Vermilion.Discovery.Evaluation;

/// <summary>What a metric measures over one ranked list.</summary>
internal enum MetricKind
{
    HitRate,
    Ndcg,
    Precision,
    Recall,
    AveragePrecision,
}

/// <summary>
/// A top-k ranking metric with binary relevance, computed per person and averaged over people. Definitions follow
/// the papers whose numbers are compared against: NDCG's ideal is min(|targets|, k) hits at the top; MAP divides
/// the summed precision at each hit by |targets|, as Microsoft Recommenders' <c>map_at_k</c> does.
/// </summary>
internal sealed record Metric(MetricKind Kind, int K)
{
    public static IReadOnlyList<Metric> LeaveOneOut { get; } =
        [new(MetricKind.HitRate, 10), new(MetricKind.Ndcg, 10), new(MetricKind.HitRate, 20), new(MetricKind.Ndcg, 20)];

    public static IReadOnlyList<Metric> RandomSplit { get; } =
        [new(MetricKind.AveragePrecision, 10), new(MetricKind.Ndcg, 10), new(MetricKind.Precision, 10), new(MetricKind.Recall, 10)];

    public static IReadOnlyList<Metric> GivenSplit { get; } = [new(MetricKind.Recall, 20), new(MetricKind.Ndcg, 20)];

    public string Name => Kind switch
    {
        MetricKind.HitRate => $"HR@{K}",
        MetricKind.Ndcg => $"NDCG@{K}",
        MetricKind.Precision => $"Precision@{K}",
        MetricKind.Recall => $"Recall@{K}",
        _ => $"MAP@{K}",
    };

    public double Of(IReadOnlyList<int> ranked, IReadOnlyCollection<int> targets)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return 0;
        }

        var relevant = targets as IReadOnlySet<int> ?? targets.ToHashSet();
        var depth = Math.Min(K, ranked.Count);
        double hits = 0, dcg = 0, precisionSum = 0;
        for (var r = 0; r < depth; r++)
        {
            if (relevant.Contains(ranked[r]))
            {
                hits++;
                dcg += 1 / Math.Log2(r + 2);
                precisionSum += hits / (r + 1);
            }
        }

        return Kind switch
        {
            MetricKind.HitRate => hits > 0 ? 1 : 0,
            MetricKind.Ndcg => dcg / IdealDcg(Math.Min(relevant.Count, K)),
            MetricKind.Precision => hits / K,
            MetricKind.Recall => hits / relevant.Count,
            _ => precisionSum / relevant.Count,
        };
    }

    private static double IdealDcg(int hits)
    {
        double ideal = 0;
        for (var r = 0; r < hits; r++)
        {
            ideal += 1 / Math.Log2(r + 2);
        }

        return ideal;
    }
}
