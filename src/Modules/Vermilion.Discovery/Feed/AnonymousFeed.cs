using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Vermilion.Discovery.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// The feed a visitor sees: what is trending and what is fresh, re-ranked for diversity, the same for every visitor
/// of a channel for a minute, so it is computed once and paged by position.
/// </summary>
internal sealed class AnonymousFeed(IOptions<FeedOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<int, Slate> slates = new();

    public (IReadOnlyList<Candidate> Page, string? Next) Page(FeedContext context, string? cursor, ICreatorTrust trust)
    {
        var slate = slates.GetValueOrDefault(context.Channel);
        if (slate is null || !ReferenceEquals(slate.State, context.State) || context.Now - slate.BuiltAt > Lifetime)
        {
            slates[context.Channel] = slate = Build(context, trust);
        }

        var size = options.Value.PageSize;
        var page = FeedCursor.TryDecode(cursor, out var position) ? position.Page : 0;
        var items = slate.Ordered.Skip(page * size).Take(size).Where(c => context.Allows(c.Note, evenIfSeen: true)).ToList();
        var next = (page + 1) * size < slate.Ordered.Count ? new FeedCursor(slate.Version, page + 1).Encode() : null;
        return (items, next);
    }

    private Slate Build(FeedContext context, ICreatorTrust trust)
    {
        var remaining = FeedRanking.Rank(context, trust);
        var rerank = new RerankState();
        var kindOf = FeedRanking.KindOf(context);
        var ordered = new List<Candidate>(remaining.Count);
        while (remaining.Count > 0)
        {
            var page = DiversityReranker.Select(remaining, rerank, options.Value.PageSize, options.Value, kindOf);
            if (page.Count == 0)
            {
                break;
            }

            ordered.AddRange(page);
        }

        return new Slate(context.Now.UtcTicks, context.State, ordered, context.Now);
    }

    private sealed record Slate(long Version, FeedState State, List<Candidate> Ordered, DateTimeOffset BuiltAt);
}
