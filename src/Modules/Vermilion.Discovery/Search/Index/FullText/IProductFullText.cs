using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>How products are ordered: the reference platform's 综合 (relevance), 销量, 价格 (up or down) and 评分.</summary>
internal enum ProductSort
{
    Relevance,
    Sales,
    PriceAscending,
    PriceDescending,
    Rating,
}

/// <summary>A matching product with what ranking needs; <see cref="Relevance"/> is larger for a better text match.</summary>
internal sealed record ProductCandidate(long Id, double Relevance, long Price, int SoldCount, int Rating, int RatingCount)
{
    /// <summary>The value a sorted list is ordered by, for its keyset cursor.</summary>
    public long SortKey(ProductSort sort) => sort switch
    {
        ProductSort.Sales => SoldCount,
        ProductSort.Rating => Rating,
        _ => Price,
    };
}

/// <summary>
/// Products in the database's own full-text engine, under the same analyzer as notes: FTS5 with bm25 on SQLite,
/// a tsvector with a GIN index and ts_rank on PostgreSQL. Fields by weight: title, specs, store name, the notes
/// that feature the product.
/// </summary>
internal interface IProductFullText
{
    /// <summary>Adds or replaces products (row and words) in one transaction.</summary>
    Task WriteAsync(SearchDb db, IReadOnlyList<ProductDocument> products, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Forgets every product (for a rebuild).</summary>
    Task ClearAsync(SearchDb db, CancellationToken cancellationToken);

    /// <summary>The best <paramref name="limit"/> matches of every chunk (or with <paramref name="any"/>, of at least one), most relevant first.</summary>
    Task<List<ProductCandidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, int limit, CancellationToken cancellationToken);

    /// <summary>Matches in a sorted order, after <paramref name="after"/>.</summary>
    Task<List<ProductCandidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, ProductSort sort, SortPosition? after, int limit, CancellationToken cancellationToken);
}
