using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>What both engines share for products: the best matches and the sorted lists with keyset cursors.</summary>
internal abstract class SqlProductFullText : IProductFullText
{
    private const string Tail = " AS relevance, p.price, p.sold_count, p.rating, p.rating_count";

    public abstract Task WriteAsync(SearchDb db, IReadOnlyList<ProductDocument> products, DateTimeOffset now, CancellationToken cancellationToken);

    public abstract Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    public abstract Task ClearAsync(SearchDb db, CancellationToken cancellationToken);

    /// <summary>The FROM clause with the products aliased <c>p</c>.</summary>
    protected abstract string Source { get; }

    /// <summary>The condition that the text matches <c>@match</c>.</summary>
    protected abstract string MatchCondition { get; }

    /// <summary>Text relevance of a row for <c>@match</c>, larger is better.</summary>
    protected abstract string RelevanceExpression { get; }

    protected abstract string MatchText(IReadOnlyList<QueryChunk> chunks, bool any);

    public Task<List<ProductCandidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, int limit, CancellationToken cancellationToken) =>
        ReadAsync(db, $"SELECT p.id, {RelevanceExpression}{Tail} FROM {Source} WHERE {MatchCondition} ORDER BY relevance DESC, p.id DESC LIMIT @limit",
            [("match", MatchText(chunks, any)), ("limit", limit)], cancellationToken);

    public Task<List<ProductCandidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, ProductSort sort, SortPosition? after, int limit, CancellationToken cancellationToken)
    {
        var column = sort switch
        {
            ProductSort.Sales => "p.sold_count",
            ProductSort.Rating => "p.rating",
            _ => "p.price",
        };
        // Cheapest first is the one ascending list; ties go by id in the list's direction, so the keyset is exact.
        var (direction, beyond) = sort == ProductSort.PriceAscending ? ("ASC", ">") : ("DESC", "<");
        var parameters = new List<(string, object)> { ("match", MatchText(chunks, any)), ("limit", limit) };
        var keyset = "";
        if (after is { } position)
        {
            keyset = $" AND ({column} {beyond} @after_key OR ({column} = @after_key AND p.id {beyond} @after_id))";
            parameters.Add(("after_key", position.Key));
            parameters.Add(("after_id", position.Id));
        }

        return ReadAsync(db, $"SELECT p.id, CAST(0 AS DOUBLE PRECISION){Tail} FROM {Source} WHERE {MatchCondition}{keyset} ORDER BY {column} {direction}, p.id {direction} LIMIT @limit",
            parameters, cancellationToken);
    }

    private static Task<List<ProductCandidate>> ReadAsync(SearchDb db, string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken) =>
        SqlReader.ReadAsync(db, sql, parameters, reader => new ProductCandidate(
            reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)), cancellationToken);
}
