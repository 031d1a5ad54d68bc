using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// Recall: gathers a few hundred candidates for one page from several sources, each cheap — the person's
/// precomputed list, notes related to what they liked since, the people they follow, their city, their interests and
/// searches, what is trending, and fresh notes to explore. A note found by several sources keeps every feature and
/// the strongest reason.
/// </summary>
internal static class CandidateRecall
{
    private const int PerSource = 60;

    public static Dictionary<long, Candidate> Gather(FeedContext context)
    {
        var found = new Dictionary<long, Candidate>();
        if (context.Viewer is not null)
        {
            FromCache(context, found);
            Related(context, found);
            Following(context, found);
            SameCity(context, found);
            Interests(context, found);
            Searches(context, found);
        }

        Trending(context, found);
        Fresh(context, found);
        return found;
    }

    /// <summary>Adds or finds the candidate when the context allows the note.</summary>
    private static Candidate? Take(FeedContext context, Dictionary<long, Candidate> found, NoteInfo note)
    {
        if (found.TryGetValue(note.Id, out var known))
        {
            known.CountSource();
            return known;
        }

        if (!context.Allows(note))
        {
            return null;
        }

        var candidate = new Candidate(note);
        candidate.CountSource();
        found[note.Id] = candidate;
        return candidate;
    }

    private static void FromCache(FeedContext context, Dictionary<long, Candidate> found)
    {
        if (context.Cached is not { Items.Length: > 0 } cached)
        {
            return;
        }

        var best = Math.Max(cached.Scores[0], 1e-6f);
        var lowest = cached.Scores[^1];
        for (var r = 0; r < cached.Items.Length; r++)
        {
            if (Take(context, found, context.Catalog.Notes[cached.Items[r]]) is not { } candidate)
            {
                continue;
            }

            // Scores are the engine's, on its own scale: keep their order, scaled into 0–1 for this person.
            candidate.Features[FeedFeatures.CacheScore] = best > lowest ? (cached.Scores[r] - lowest) / (best - lowest) : 1f;
            candidate.Features[FeedFeatures.CacheRank] = 1f / (1 + (r / 10f));
            if (cached.Reasons[r] == EngineReason.Popular)
            {
                candidate.Because(ReasonKind.Trending);
            }
            else if (cached.Anchors[r] >= 0)
            {
                var at = Array.IndexOf(cached.Recent, cached.Anchors[r]);
                var kind = at >= 0 ? (FeedEventKind)cached.RecentKinds[at] : FeedEventKind.Like;
                candidate.Because(ReasonFor(kind), context.Catalog.Notes[cached.Anchors[r]].Title);
            }
            else
            {
                candidate.Because(ReasonKind.ForYou);
            }
        }
    }

    /// <summary>Neighbours of the notes the person liked most recently, the newest counting most.</summary>
    private static void Related(FeedContext context, Dictionary<long, Candidate> found)
    {
        if (context.Model.Neighbours is not { } neighbours)
        {
            return;
        }

        var seeds = RecentLikes(context).Take(12).ToList();
        // Per neighbour: the summed score, and the seed that contributed most (its anchor for the reason).
        var scores = new Dictionary<int, (float Score, float Strongest, int Anchor, FeedEventKind Kind)>();
        var weight = 1f;
        foreach (var (index, kind, strength) in seeds)
        {
            if (index < neighbours.ItemCount)
            {
                var items = neighbours.ItemsOf(index);
                var weights = neighbours.WeightsOf(index);
                for (var n = 0; n < items.Length; n++)
                {
                    var add = weight * strength * weights[n];
                    var current = scores.TryGetValue(items[n], out var known) ? known : (Score: 0f, Strongest: -1f, Anchor: -1, Kind: kind);
                    scores[items[n]] = add > current.Strongest
                        ? (current.Score + add, add, index, kind)
                        : (current.Score + add, current.Strongest, current.Anchor, current.Kind);
                }
            }

            weight *= 0.85f;
        }

        var top = scores.OrderByDescending(p => p.Value.Score).Take(PerSource).ToList();
        var best = top.Count > 0 ? Math.Max(top[0].Value.Score, 1e-6f) : 1f;
        foreach (var (item, (score, _, anchor, kind)) in top)
        {
            if (Take(context, found, context.Catalog.Notes[item]) is { } candidate)
            {
                candidate.Features[FeedFeatures.Related] = score / best;
                candidate.Because(ReasonFor(kind), context.Catalog.Notes[anchor].Title);
            }
        }
    }

    private static void Following(FeedContext context, Dictionary<long, Candidate> found)
    {
        if (context.Profile.Following.Count == 0)
        {
            return;
        }

        // Newly published first, then each followed person's latest few.
        var taken = 0;
        foreach (var live in context.State.Live.Recent)
        {
            if (context.Profile.Following.Contains(live.Note.AuthorId))
            {
                taken += Mark(Take(context, found, live.Note));
            }
        }

        foreach (var author in context.Profile.Following.Take(300))
        {
            if (taken >= PerSource)
            {
                break;
            }

            if (context.Catalog.AuthorRecent.TryGetValue(author, out var notes))
            {
                foreach (var index in notes.Take(3))
                {
                    taken += Mark(Take(context, found, context.Catalog.Notes[index]));
                }
            }
        }

        static int Mark(Candidate? candidate)
        {
            if (candidate is null)
            {
                return 0;
            }

            candidate.Features[FeedFeatures.Following] = 1;
            candidate.Because(ReasonKind.Following);
            return 1;
        }
    }

    private static void SameCity(FeedContext context, Dictionary<long, Candidate> found)
    {
        if (context.Profile.City.Length == 0)
        {
            return;
        }

        var taken = 0;
        foreach (var index in context.Catalog.Places.InCity(context.Profile.City))
        {
            if (Take(context, found, context.Catalog.Notes[index]) is { } candidate)
            {
                candidate.Because(ReasonKind.Nearby);
                if (++taken >= PerSource / 3)
                {
                    break;
                }
            }
        }
    }

    /// <summary>What the person picked at sign-up or on their profile: a channel's best notes, or a topic's.</summary>
    private static void Interests(FeedContext context, Dictionary<long, Candidate> found)
    {
        foreach (var interest in InterestsOf(context))
        {
            var channel = context.Catalog.Channels.OfTopic(interest);
            IReadOnlyList<int> pool = channel >= 0 && context.Catalog.Channels.Channels[channel].Topic == interest
                ? context.Catalog.ChannelTrending[channel]
                : context.Catalog.TopicTrending.GetValueOrDefault(interest) ?? [];
            // Notes published since the catalog was built first: they are in no list yet.
            var live = context.State.Live.Recent.Select(l => l.Note)
                .Where(n => n.Topics.Contains(interest) || (channel >= 0 && n.Channel == channel && context.Catalog.Channels.Channels[channel].Topic == interest));
            var taken = 0;
            foreach (var note in live.Concat(pool.Select(i => context.Catalog.Notes[i])))
            {
                if (Take(context, found, note) is { } candidate)
                {
                    candidate.Because(ReasonKind.Interest, interest);
                    if (++taken >= PerSource / 2)
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Recent searches: notes of a topic the query names, and popular notes whose titles share its words.</summary>
    private static void Searches(FeedContext context, Dictionary<long, Candidate> found)
    {
        foreach (var (query, _) in (context.Log?.Searches() ?? []).Take(3))
        {
            var words = ContentVectors.Words(query).ToHashSet(StringComparer.Ordinal);
            if (words.Count == 0)
            {
                continue;
            }

            var taken = 0;
            foreach (var (topic, notes) in context.Catalog.TopicTrending)
            {
                if (query.Contains(topic, StringComparison.OrdinalIgnoreCase) || topic.Contains(query, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var index in notes.Take(20))
                    {
                        taken += Match(context, found, context.Catalog.Notes[index], 1f, query);
                    }
                }
            }

            // Trending notes whose titles share at least half the query's words, counted through the catalog's
            // word index, taken in trending order.
            var shared = new Dictionary<int, int>();
            foreach (var word in words)
            {
                foreach (var index in context.Catalog.TrendingTitleWords.GetValueOrDefault(word) ?? [])
                {
                    shared[index] = shared.GetValueOrDefault(index) + 1;
                }
            }

            foreach (var (index, count) in shared.Where(p => p.Value * 2 >= words.Count).OrderBy(p => context.Catalog.TrendingRank(p.Key)))
            {
                if (taken >= PerSource / 2)
                {
                    break;
                }

                taken += Match(context, found, context.Catalog.Notes[index], Math.Min(1f, (float)count / words.Count), query);
            }
        }

        static int Match(FeedContext context, Dictionary<long, Candidate> found, NoteInfo note, float strength, string query)
        {
            if (Take(context, found, note) is not { } candidate)
            {
                return 0;
            }

            candidate.Features[FeedFeatures.SearchMatch] = Math.Max(candidate.Features[FeedFeatures.SearchMatch], strength);
            candidate.Because(ReasonKind.Search, query);
            return 1;
        }
    }

    /// <summary>
    /// What is trending in the open channel, or overall. A visitor's feed is mostly this; so is a channel's tab, where
    /// the person's own sources (what they liked, whom they follow) seldom fall in the channel: there it takes more,
    /// so one ranking lasts a session of refreshes as long as the mixed feed's.
    /// </summary>
    private static void Trending(FeedContext context, Dictionary<long, Candidate> found)
    {
        var pool = context.Channel >= 0 ? context.Catalog.ChannelTrending[context.Channel] : context.Catalog.Trending;
        var reason = context.Channel >= 0 ? ReasonKind.ChannelTrending : ReasonKind.Trending;
        var wanted = context.Viewer is null ? PerSource * 6 : context.Channel >= 0 ? PerSource * 4 : PerSource * 2;
        var taken = 0;
        foreach (var index in pool)
        {
            if (Take(context, found, context.Catalog.Notes[index]) is { } candidate)
            {
                candidate.Because(reason, context.Channel >= 0 ? context.Catalog.Channels.Channels[context.Channel].Topic : null);
                if (++taken >= wanted)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Fresh notes (the newest first, those since the catalog was built included) to explore with.</summary>
    private static void Fresh(FeedContext context, Dictionary<long, Candidate> found)
    {
        var taken = 0;
        var wanted = context.Viewer is null || context.Channel >= 0 ? PerSource * 2 : PerSource;
        foreach (var note in context.State.Live.Recent.Select(l => l.Note).Concat(context.Catalog.Fresh.Select(i => context.Catalog.Notes[i])))
        {
            if (Take(context, found, note) is { } candidate)
            {
                candidate.Exploration = true;
                candidate.Because(ReasonKind.Fresh);
                if (++taken >= wanted)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The person's latest liked notes, newest first: what this node heard since training, then training's.</summary>
    public static IEnumerable<(int Index, FeedEventKind Kind, float Weight)> RecentLikes(FeedContext context)
    {
        var seen = new HashSet<int>();
        foreach (var positive in context.Log?.Positives() ?? [])
        {
            var index = context.Catalog.IndexOf(positive.NoteId);
            if (index >= 0 && seen.Add(index))
            {
                yield return (index, positive.Kind, positive.Weight);
            }
        }

        if (context.Cached is { } cached)
        {
            for (var r = 0; r < cached.Recent.Length; r++)
            {
                if (seen.Add(cached.Recent[r]))
                {
                    var kind = (FeedEventKind)cached.RecentKinds[r];
                    yield return (cached.Recent[r], kind, SignalKinds.TasteWeight(kind, kind == FeedEventKind.Dwell ? SignalKinds.LongDwellSeconds : SignalKinds.VideoWatched));
                }
            }
        }
    }

    public static IEnumerable<string> InterestsOf(FeedContext context) =>
        context.Profile.Interests.Concat(context.Log?.Interests() ?? []).Distinct(StringComparer.Ordinal).Take(10);

    private static ReasonKind ReasonFor(FeedEventKind kind) => kind switch
    {
        FeedEventKind.Purchase => ReasonKind.Bought,
        FeedEventKind.Collect => ReasonKind.Collected,
        FeedEventKind.Comment => ReasonKind.Commented,
        FeedEventKind.Like or FeedEventKind.Share => ReasonKind.Liked,
        _ => ReasonKind.Viewed,
    };
}
