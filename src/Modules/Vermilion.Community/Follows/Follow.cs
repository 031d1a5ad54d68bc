namespace Vermilion.Community.Follows;

internal sealed class Follow
{
    public long FollowerId { get; init; }

    public long FolloweeId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A block: the blocked person cannot see the blocker's notes, comment on them, or message them.</summary>
internal sealed class Block
{
    public long BlockerId { get; init; }

    public long BlockedId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The profile counters, kept exact by changing them in the same transaction as the rows they count.</summary>
internal sealed class UserStats
{
    public long UserId { get; init; }

    public int Following { get; set; }

    public int Followers { get; set; }

    public int LikesReceived { get; set; }

    public int CollectsReceived { get; set; }

    public int Notes { get; set; }
}
