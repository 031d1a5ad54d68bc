namespace Vermilion.Discovery.Signals;

/// <summary>
/// What a person did that tells the feed about their taste. Values are stored; never renumber. The browser and
/// API clients report what only they can see (impressions, clicks, dwell, video, shares, searches); the rest
/// comes from the community's own events and, later, the shop.
/// </summary>
internal enum FeedEventKind
{
    Impression = 1,
    Click = 2,
    Dwell = 3,
    VideoCompletion = 4,
    Like = 5,
    Unlike = 6,
    Collect = 7,
    Uncollect = 8,
    Comment = 9,
    Share = 10,
    Follow = 11,
    Unfollow = 12,
    Purchase = 13,
    NotInterested = 14,
    Search = 15,

    /// <summary>An interest picked at sign-up (the topic is in <see cref="FeedEvent.Query"/>).</summary>
    Interest = 16,
}

/// <summary>
/// One row of the append-only signal log. <see cref="Value"/> is the dwell in seconds or the share of a video
/// watched (0–1); <see cref="Features"/> are the ranking features the note was served with, kept with its
/// impression so the ranker can learn what led to a click, a long read, a like, a collect or a comment.
/// </summary>
internal sealed class FeedEvent
{
    public const int FeedMax = 40;
    public const int QueryMax = 100;

    public long Id { get; set; }

    public long UserId { get; set; }

    public FeedEventKind Kind { get; set; }

    public long? NoteId { get; set; }

    /// <summary>The other person of a follow.</summary>
    public long? SubjectId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Where in the feed the note was shown, from 0.</summary>
    public int? Position { get; set; }

    public float? Value { get; set; }

    /// <summary>Which feed it happened in (<c>discover:recommend</c>, <c>nearby</c>).</summary>
    public string? Feed { get; set; }

    /// <summary>A search's words, or an interest's name.</summary>
    public string? Query { get; set; }

    public byte[]? Features { get; set; }
}
