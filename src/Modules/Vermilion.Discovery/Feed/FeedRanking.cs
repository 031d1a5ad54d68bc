using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>Recall → features → ranker, best first: the candidates a session pages through.</summary>
internal static class FeedRanking
{
    public const int SessionSize = 300;

    public static List<Candidate> Rank(FeedContext context, ICreatorTrust trust, IReadOnlySet<long>? already = null)
    {
        var found = CandidateRecall.Gather(context);
        var fresh = already is null ? found.Values : found.Values.Where(c => !already.Contains(c.Note.Id));
        var candidates = fresh.ToList();
        CandidateFeatures.Score(context, candidates, trust, context.Options.Objectives.ToArray());
        candidates.RemoveAll(c => float.IsNegativeInfinity(c.Score));
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Note.Id.CompareTo(a.Note.Id));
        if (candidates.Count > SessionSize)
        {
            candidates.RemoveRange(SessionSize, candidates.Count - SessionSize);
        }

        return candidates;
    }

    /// <summary>
    /// What counts as "the same kind" for diversity: the channel in the mixed feed (a topic when a note has no
    /// channel); inside a channel's tab, the note's own topic.
    /// </summary>
    public static Func<Candidate, string> KindOf(FeedContext context) => context.Channel < 0
        ? c => c.Note.Channel >= 0 ? "#" + c.Note.Channel : c.Note.Topics.Count > 0 ? c.Note.Topics[0] : ""
        : c => c.Note.Topics.FirstOrDefault(t => t != context.Catalog.Channels.Channels[context.Channel].Topic) ?? "";
}
