namespace Vermilion.Discovery.Search.Index;

/// <summary>Who may find a note in search, as the community said when it was last indexed.</summary>
internal enum NoteAudience
{
    Public = 0,
    Followers = 1,
    OnlyAuthor = 2,
}

/// <summary>
/// A visible note as search holds it: what filters and sorts read (type, city, time, engagement, trust) and the
/// text results are highlighted from. Its words are in the full-text index (FTS5 on SQLite, a tsvector on
/// PostgreSQL) under the same id.
/// </summary>
internal sealed class IndexedNote
{
    public const int TitleMax = 100;
    public const int BodyMax = 2000;
    public const int TopicsMax = 400;
    public const int ProductsMax = 400;

    public long Id { get; init; }

    public long AuthorId { get; set; }

    public required string Type { get; set; }

    public string City { get; set; } = "";

    public NoteAudience Audience { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public int LikeCount { get; set; }

    public int CollectCount { get; set; }

    public int CommentCount { get; set; }

    /// <summary>A multiplier for the general sort (1 is neutral); the trust module's credit scores will set it.</summary>
    public double Trust { get; set; } = 1;

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The note's topics, space-separated.</summary>
    public string Topics { get; set; } = "";

    /// <summary>The titles of the listed products the note carries (its product cards), space-separated.</summary>
    public string Products { get; set; } = "";

    public DateTimeOffset IndexedAt { get; set; }
}
