using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>NDCG of a scorer on validation queries: the one yardstick for choosing settings.</summary>
internal static class ValidationScore
{
    public const int CutOff = 20;

    public static double Ndcg(IRecallSource source, IReadOnlyList<RankingQuery> queries, int[] popularity, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(queries);
        var gains = new double[queries.Count];
        Parallel.For(0, queries.Count, parallel, () => new float[popularity.Length], (q, _, scores) =>
        {
            var query = queries[q];
            source.Score(query.History, scores);
            CandidateGenerator.Exclude(scores, query.History, null);
            gains[q] = Ndcg(TopItems.Select(scores, CutOff, popularity), query.Targets);
            return scores;
        }, _ => { });
        return gains.Length == 0 ? 0 : gains.Average();
    }

    public static double Ndcg(RecommenderModel model, IReadOnlyList<RankingQuery> queries, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(queries);
        var gains = new double[queries.Count];
        Parallel.For(0, queries.Count, parallel, q =>
            gains[q] = Ndcg([.. model.Recommend(queries[q].History, CutOff).Select(r => r.Item)], queries[q].Targets));
        return gains.Length == 0 ? 0 : gains.Average();
    }

    /// <summary>Binary-relevance NDCG of a ranked list against the true items.</summary>
    public static double Ndcg(IReadOnlyList<int> ranked, IReadOnlyCollection<int> targets)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(targets);
        var relevant = targets as IReadOnlySet<int> ?? targets.ToHashSet();
        double dcg = 0, ideal = 0;
        for (var r = 0; r < ranked.Count; r++)
        {
            if (relevant.Contains(ranked[r]))
            {
                dcg += 1 / Math.Log2(r + 2);
            }
        }

        for (var r = 0; r < Math.Min(relevant.Count, ranked.Count); r++)
        {
            ideal += 1 / Math.Log2(r + 2);
        }

        return ideal > 0 ? dcg / ideal : 0;
    }
}
