namespace Vermilion.Community.Likes;

internal sealed class NoteLike
{
    public long NoteId { get; init; }

    public long UserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>"Not interested": recorded for the feed, which stops showing the note and its kind.</summary>
internal sealed class NotInterested
{
    public long UserId { get; init; }

    public long NoteId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
