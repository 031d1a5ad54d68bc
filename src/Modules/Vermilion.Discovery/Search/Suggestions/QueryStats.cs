namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>
/// How much a query has been searched (热搜): <see cref="Heat"/> is the natural log of a time-decayed count held
/// relative to a fixed epoch, so ordering by it is ordering by the decayed count now, without rewriting rows.
/// </summary>
internal sealed class QueryStats
{
    public const int TextMax = 100;

    public required string Text { get; init; }

    public double Heat { get; set; }

    public long Count { get; set; }

    public DateTimeOffset LastAt { get; set; }
}

/// <summary>One person's recent search (搜索历史), kept until they delete it.</summary>
internal sealed class HistoryEntry
{
    public long UserId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset SearchedAt { get; set; }
}

/// <summary>A word learned from notes and searches, with how often it occurs.</summary>
internal sealed class LexiconWord
{
    public required string Word { get; init; }

    public int Count { get; set; }
}

/// <summary>
/// A visitor who is not signed in searched a query (at most an hour ago counts): keyed by a hash of their address
/// and visitor cookie, so a visitor repeating a search within the hour adds no heat, as for signed-in people.
/// </summary>
internal sealed class VisitorSearch
{
    public const int VisitorLength = 64;

    public required string Visitor { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset SearchedAt { get; set; }
}
