using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>How results are ordered: the reference platform's sorts (综合, 最新, 最多点赞, 最多评论, 最多收藏).</summary>
internal enum NoteSort
{
    General,
    Latest,
    MostLiked,
    MostCommented,
    MostCollected,
}

/// <summary>Who is searching and what they narrowed it to; the audience rules come from the community's graph.</summary>
internal sealed record NoteFilter(
    long? Viewer,
    IReadOnlyCollection<long> Following,
    IReadOnlyCollection<long> Blocked,
    string? Type = null,
    DateTimeOffset? Since = null,
    string? City = null)
{
    /// <summary>
    /// Only the notes this viewer sees that are not public (their own, followers-only notes of people they
    /// follow), found from the authors' side: the small part of a search that cannot be shared between viewers.
    /// </summary>
    public bool NonPublicOnly { get; init; }
}

/// <summary>A matching note with what ranking needs; <see cref="Relevance"/> is larger for a better text match.</summary>
internal sealed record Candidate(long Id, double Relevance, int LikeCount, int CollectCount, int CommentCount, DateTimeOffset PublishedAt, double Trust, long AuthorId = 0)
{
    /// <summary>The value a sorted (non-general) list is ordered by, for its keyset cursor.</summary>
    public long SortKey(NoteSort sort) => sort switch
    {
        NoteSort.MostLiked => LikeCount,
        NoteSort.MostCommented => CommentCount,
        NoteSort.MostCollected => CollectCount,
        _ => PublishedAt.UtcTicks,
    };
}

/// <summary>Where a sorted list continues: after this sort key and id.</summary>
internal readonly record struct SortPosition(long Key, long Id);

/// <summary>
/// The database's own full-text engine over analyzed text: FTS5 with bm25 on SQLite, tsvector with a GIN index
/// and ts_rank on PostgreSQL. Both store the same tokens and answer the same matches.
/// </summary>
internal interface IFullTextEngine
{

    /// <summary>Adds or replaces notes (row and words) in one transaction; an existing trust weight is kept.</summary>
    Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Forgets every note (for a rebuild).</summary>
    Task ClearAsync(SearchDb db, CancellationToken cancellationToken);

    /// <summary>The best <paramref name="limit"/> matches of every chunk (or with <paramref name="any"/>, of at least one), most relevant first.</summary>
    Task<List<Candidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Matches in a sorted order, after <paramref name="after"/>.</summary>
    Task<List<Candidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, NoteSort sort, SortPosition? after, int limit, CancellationToken cancellationToken);
}
