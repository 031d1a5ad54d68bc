namespace Vermilion.Discovery.Feed;

/// <summary>Where re-ranking stands in a session: the kinds of the last notes shown and how many notes came before.</summary>
internal sealed class RerankState
{
    public List<string> Window { get; } = [];

    public int Position { get; set; }
}

/// <summary>
/// Re-ranking against the filter bubble (信息茧房): fills a page from the best-scored candidates, but no creator more
/// than <see cref="FeedOptions.MaxPerCreatorPerPage"/> times a page, no kind of note (its channel; inside a channel,
/// its topic) more than <see cref="FeedOptions.MaxPerChannelInWindow"/> times in any <see cref="FeedOptions.DiversityWindow"/>
/// consecutive notes, and every <see cref="FeedOptions.ExplorationEvery"/>-th slot a fresh note to explore. When the
/// rules cannot all be kept, diversity gives way before the page runs short; the creator cap never does.
/// </summary>
internal static class DiversityReranker
{
    private const int Scan = 300;

    /// <param name="remaining">Candidates best first; the chosen ones are removed.</param>
    public static List<Candidate> Select(List<Candidate> remaining, RerankState state, int size, FeedOptions options, Func<Candidate, string> kindOf)
    {
        var page = new List<Candidate>(size);
        var creators = new Dictionary<long, int>();
        while (page.Count < size && remaining.Count > 0)
        {
            var explore = options.ExplorationEvery > 1 && (state.Position + 1) % options.ExplorationEvery == 0;
            var at = Find(remaining, state, creators, options, kindOf, explore, diverse: true);
            if (at < 0 && explore)
            {
                at = Find(remaining, state, creators, options, kindOf, explore: false, diverse: true);
            }

            if (at < 0)
            {
                at = Find(remaining, state, creators, options, kindOf, explore: false, diverse: false);
            }

            if (at < 0)
            {
                break;
            }

            var chosen = remaining[at];
            remaining.RemoveAt(at);
            page.Add(chosen);
            creators[chosen.Note.AuthorId] = creators.GetValueOrDefault(chosen.Note.AuthorId) + 1;
            state.Window.Add(kindOf(chosen));
            if (state.Window.Count >= Math.Max(1, options.DiversityWindow))
            {
                state.Window.RemoveAt(0);
            }

            state.Position++;
        }

        return page;
    }

    private static int Find(List<Candidate> remaining, RerankState state, Dictionary<long, int> creators, FeedOptions options, Func<Candidate, string> kindOf,
        bool explore, bool diverse)
    {
        for (var i = 0; i < Math.Min(Scan, remaining.Count); i++)
        {
            var candidate = remaining[i];
            if (creators.GetValueOrDefault(candidate.Note.AuthorId) >= options.MaxPerCreatorPerPage || (explore && !candidate.Exploration))
            {
                continue;
            }

            if (diverse)
            {
                var kind = kindOf(candidate);
                if (kind.Length > 0 && state.Window.Count(k => k == kind) >= options.MaxPerChannelInWindow)
                {
                    continue;
                }
            }

            return i;
        }

        return -1;
    }
}
