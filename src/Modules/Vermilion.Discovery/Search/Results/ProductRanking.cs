using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Results;

/// <summary>
/// The products' relevance sort (综合): products whose words hold the query exactly as typed come first; within each
/// tier, text relevance (relative to the best match) blended with sales (log scale) and rating (stars, trusted as
/// reviews accumulate, so one five-star review does not beat a thousand at 4.8).
/// </summary>
internal static class ProductRanking
{
    private const double TextShare = 0.70;
    private const double SalesShare = 0.20;
    private const double RatingShare = 0.10;

    /// <summary>Reviews at which a rating counts half: fewer say little.</summary>
    private const double RatingConfidence = 5;

    private static readonly double SalesScale = Math.Log(1 + 10_000);

    public static List<ProductCandidate> Rank(IReadOnlyList<ProductCandidate> candidates, IReadOnlySet<long> exact)
    {
        var best = candidates.Count == 0 ? 1 : Math.Max(1e-9, candidates.Max(c => c.Relevance));
        return [.. candidates
            .OrderByDescending(c => exact.Contains(c.Id))
            .ThenByDescending(c => Score(c, best))
            .ThenByDescending(c => c.Id)];
    }

    public static double Score(ProductCandidate c, double bestRelevance)
    {
        var text = Math.Clamp(c.Relevance / bestRelevance, 0, 1);
        var sales = Math.Min(1, Math.Log(1 + c.SoldCount) / SalesScale);
        var rating = c.Rating / 500.0 * (c.RatingCount / (c.RatingCount + RatingConfidence));
        return (TextShare * text) + (SalesShare * sales) + (RatingShare * rating);
    }
}
