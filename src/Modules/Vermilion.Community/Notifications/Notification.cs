namespace Vermilion.Community.Notifications;

/// <summary>The tabs of the notification page.</summary>
internal enum NotificationCategory
{
    Comments = 1,
    Likes = 2,
    Follows = 3,
    System = 4,
}

/// <summary>
/// One line in someone's notifications. Likes, collects and follows of the same thing gather into one open
/// (unread) line — "A and 12 others liked your note" — with each actor counted once; a line closes when read,
/// and the next like starts a new one.
/// </summary>
internal sealed class Notification
{
    public long Id { get; init; }

    public long UserId { get; init; }

    public NotificationCategory Category { get; init; }

    /// <summary>like, collect, comment, reply, mention, comment_mention, follow, notice.</summary>
    public required string Type { get; init; }

    /// <summary>What gathers lines: <c>like:{note}</c>, <c>follow</c>; unique per item for comments and notices.</summary>
    public required string GroupKey { get; init; }

    /// <summary>The most recent person behind it.</summary>
    public long? ActorId { get; set; }

    public int ActorCount { get; set; }

    public long? NoteId { get; init; }

    public long? CommentId { get; init; }

    /// <summary>The words of the comment or mention, cut short.</summary>
    public string? Excerpt { get; init; }

    /// <summary>For notices from other modules: a string-table key and its arguments (JSON array).</summary>
    public string? TextKey { get; init; }

    public string? TextArguments { get; init; }

    public string? Link { get; init; }

    /// <summary>Set for notices: the same notice sent twice is stored once.</summary>
    public string? DedupeKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>Who is behind a gathered line, so each person counts once however often they act.</summary>
internal sealed class NotificationActor
{
    public long NotificationId { get; init; }

    public long ActorId { get; init; }
}
