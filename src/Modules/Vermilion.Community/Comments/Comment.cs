namespace Vermilion.Community.Comments;

/// <summary>A comment on a note, or a reply to one (one level deep, as on the reference platform).</summary>
internal sealed class Comment
{
    public const int BodyMax = 500;

    public long Id { get; init; }

    public long NoteId { get; init; }

    public long AuthorId { get; init; }

    /// <summary>The top-level comment this replies to; null for a top-level comment.</summary>
    public long? ParentId { get; init; }

    public long? ReplyToUserId { get; init; }

    public string Body { get; set; } = "";

    public string? ImageKey { get; init; }

    public int LikeCount { get; set; }

    public int ReplyCount { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class CommentLike
{
    public long CommentId { get; init; }

    public long UserId { get; init; }
}
