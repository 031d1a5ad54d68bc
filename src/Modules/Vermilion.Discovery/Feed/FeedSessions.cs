using Microsoft.Extensions.Caching.Memory;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// One person's scroll through one feed: the ranked candidates not shown yet, where re-ranking stands, and the
/// features every served note had (logged with its impression, for the ranker to learn from).
/// </summary>
internal sealed class FeedSession(long id, string feed)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, float[]> served = [];

    public long Id { get; } = id;

    public string Feed { get; } = feed;

    public List<Candidate> Remaining { get; set; } = [];

    public RerankState Rerank { get; } = new();

    public int Pages { get; set; }

    /// <summary>Set once the new notes ran out and the session offers again what was only seen.</summary>
    public bool Repeats { get; set; }

    public Lock Gate => gate;

    /// <summary>When <see cref="Remaining"/> was ranked, by which trained model, from which state of the person's taste.</summary>
    public RankingStamp Ranked { get; set; }

    /// <summary>The ranking a later refresh starts from, made ahead while this one still had pages to give.</summary>
    public PreparedRanking? Prepared { get; set; }

    public void Served(IEnumerable<Candidate> page)
    {
        foreach (var candidate in page)
        {
            served[candidate.Note.Id] = candidate.Features;
        }
    }

    /// <summary>Every note this session served so far: a session never serves one twice.</summary>
    public IEnumerable<long> ServedNotes => served.Keys;

    public float[]? FeaturesOf(long noteId)
    {
        lock (gate)
        {
            return served.GetValueOrDefault(noteId);
        }
    }
}

/// <summary>Where impressions find the features their note was served with.</summary>
internal interface IServedFeatures
{
    byte[]? Find(long viewer, string? cursor, long noteId);
}

/// <summary>
/// Sessions in memory on the node that served them, for half an hour after their last page, bounded in total. A
/// session lost (evicted, or the next page asked of another node) is simply started again: what the person was
/// served is remembered with their activity, so the new session does not repeat it.
/// </summary>
internal sealed class FeedSessions : IServedFeatures, IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 1_500_000 });

    public FeedSession? Find(long viewer, long session) => cache.Get<FeedSession>((viewer, session));

    /// <summary>The person's latest session of a feed, if this node still holds it.</summary>
    public FeedSession? Latest(long viewer, string feed) => cache.Get<FeedSession>((viewer, feed));

    public FeedSession Start(long viewer, string feed)
    {
        var session = new FeedSession(Random.Shared.NextInt64(1, long.MaxValue), feed);
        Keep(viewer, session);
        return session;
    }

    /// <summary>Stores the session again with its current size (the candidates it holds).</summary>
    public void Keep(long viewer, FeedSession session)
    {
        var entry = new MemoryCacheEntryOptions { SlidingExpiration = Idle, Size = 10 + session.Remaining.Count };
        cache.Set((viewer, session.Id), session, entry);
        cache.Set((viewer, session.Feed), session, new MemoryCacheEntryOptions { SlidingExpiration = Idle, Size = 1 });
    }

    public byte[]? Find(long viewer, string? cursor, long noteId) =>
        FeedCursor.TryDecode(cursor, out var position) && Find(viewer, position.Session)?.FeaturesOf(noteId) is { } features
            ? FeedFeatures.ToBytes(features)
            : null;

    public void Dispose() => cache.Dispose();
}
