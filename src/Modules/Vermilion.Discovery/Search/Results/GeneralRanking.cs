using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Results;

/// <summary>
/// The general sort (综合): notes containing the query exactly as typed come first; within each tier, text
/// relevance (relative to the best match) blended with engagement (likes, collects and comments, on a log
/// scale), freshness (halving every three weeks) and the trust weight.
/// </summary>
internal static class GeneralRanking
{
    private const double TextShare = 0.65;
    private const double EngagementShare = 0.25;
    private const double FreshnessShare = 0.10;
    private static readonly double EngagementScale = Math.Log(1 + 10_000);

    public static List<Candidate> Rank(IReadOnlyList<Candidate> candidates, IReadOnlySet<long> exact, DateTimeOffset now)
    {
        var best = candidates.Count == 0 ? 1 : Math.Max(1e-9, candidates.Max(c => c.Relevance));
        return [.. candidates
            .OrderByDescending(c => exact.Contains(c.Id))
            .ThenByDescending(c => Score(c, best, now))
            .ThenByDescending(c => c.Id)];
    }

    public static double Score(Candidate c, double bestRelevance, DateTimeOffset now)
    {
        var text = Math.Clamp(c.Relevance / bestRelevance, 0, 1);
        var engagement = Math.Min(1, Math.Log(1 + c.LikeCount + (2.0 * c.CollectCount) + (2.0 * c.CommentCount)) / EngagementScale);
        var ageDays = Math.Max(0, (now - c.PublishedAt).TotalDays);
        var freshness = Math.Pow(0.5, ageDays / 21);
        return c.Trust * ((TextShare * text) + (EngagementShare * engagement) + (FreshnessShare * freshness));
    }
}
