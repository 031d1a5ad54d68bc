namespace Vermilion.Community.Messages;

/// <summary>A one-to-one conversation (私信); the pair is stored lower id first, so there is one per pair.</summary>
internal sealed class Conversation
{
    public long Id { get; init; }

    public long UserLow { get; init; }

    public long UserHigh { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastMessageAt { get; set; }

    public static (long Low, long High) Pair(long a, long b) => a < b ? (a, b) : (b, a);
}

/// <summary>One side of a conversation: what that person has not read yet, for their list and badge.</summary>
internal sealed class ConversationMember
{
    public long ConversationId { get; init; }

    public long UserId { get; init; }

    public long PeerId { get; init; }

    public int UnreadCount { get; set; }

    /// <summary>The newest message this person has seen; the peer's messages up to it show as read.</summary>
    public long LastReadMessageId { get; set; }

    public DateTimeOffset LastMessageAt { get; set; }
}

/// <summary>A direct message: words or a picture.</summary>
internal sealed class DirectMessage
{
    public const int BodyMax = 1000;
    public const int ClientIdMax = 40;

    public long Id { get; init; }

    public long ConversationId { get; init; }

    public long SenderId { get; init; }

    public string Body { get; init; } = "";

    public string? ImageKey { get; init; }

    public int ImageWidth { get; init; }

    public int ImageHeight { get; init; }

    /// <summary>The sender's own id for the message: a retry after a lost acknowledgement stores nothing twice.</summary>
    public string? ClientId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
