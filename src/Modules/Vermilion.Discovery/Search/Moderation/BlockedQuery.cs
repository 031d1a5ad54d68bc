namespace Vermilion.Discovery.Search.Moderation;

/// <summary>A query an operator keeps off the hot list (热搜) and out of suggestions, by its normalized text.</summary>
internal sealed class BlockedQuery
{
    public required string Text { get; init; }

    public long BlockedBy { get; init; }

    public DateTimeOffset BlockedAt { get; init; }
}
