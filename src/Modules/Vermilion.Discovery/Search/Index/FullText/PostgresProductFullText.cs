using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// PostgreSQL: a tsvector column of the analyzer's tokens (title A, specs B, store name C, featuring notes D)
/// with a GIN index, ranked by ts_rank, written as literals like the notes' (<see cref="TsText"/>).
/// </summary>
internal sealed class PostgresProductFullText : SqlProductFullText
{
    private const string Upsert = """
        INSERT INTO discovery_search_products (id, store_id, title, specs, store_name, notes, price, sold_count, rating, rating_count, indexed_at, document)
        SELECT u.id, u.store_id, u.title, u.specs, u.store_name, u.notes, u.price, u.sold_count, u.rating, u.rating_count, @now, CAST(u.document AS tsvector)
        FROM unnest(@id, @store, @title, @specs, @store_name, @notes, @price, @sold, @rating, @ratings, @document)
            AS u(id, store_id, title, specs, store_name, notes, price, sold_count, rating, rating_count, document)
        ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, title = excluded.title, specs = excluded.specs, store_name = excluded.store_name,
            notes = excluded.notes, price = excluded.price, sold_count = excluded.sold_count, rating = excluded.rating,
            rating_count = excluded.rating_count, indexed_at = excluded.indexed_at, document = excluded.document
        """;

    protected override string Source => "discovery_search_products p";

    protected override string MatchCondition => "p.document @@ CAST(@match AS tsquery)";

    protected override string RelevanceExpression => "CAST(ts_rank(p.document, CAST(@match AS tsquery), 1) AS DOUBLE PRECISION)";

    public override async Task WriteAsync(SearchDb db, IReadOnlyList<ProductDocument> products, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (products.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("now", now.UtcDateTime);
            command.Parameters.AddWithValue("id", products.Select(p => p.Id).ToArray());
            command.Parameters.AddWithValue("store", products.Select(p => p.StoreId).ToArray());
            command.Parameters.AddWithValue("title", products.Select(p => p.Title).ToArray());
            command.Parameters.AddWithValue("specs", products.Select(p => p.Specs).ToArray());
            command.Parameters.AddWithValue("store_name", products.Select(p => p.StoreName).ToArray());
            command.Parameters.AddWithValue("notes", products.Select(p => p.Notes).ToArray());
            command.Parameters.AddWithValue("price", products.Select(p => p.Price).ToArray());
            command.Parameters.AddWithValue("sold", products.Select(p => p.SoldCount).ToArray());
            command.Parameters.AddWithValue("rating", products.Select(p => p.Rating).ToArray());
            command.Parameters.AddWithValue("ratings", products.Select(p => p.RatingCount).ToArray());
            command.Parameters.AddWithValue("document", products.Select(Document).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override async Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var array = ids.ToArray();
        await db.Database.ExecuteSqlAsync($"DELETE FROM discovery_search_products WHERE id = ANY({array})", cancellationToken);
    }

    public override async Task ClearAsync(SearchDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("TRUNCATE discovery_search_products", cancellationToken);

    internal static string Document(ProductDocument product) =>
        TsText.Vector((product.TitleTokens, "A"), (product.SpecTokens, "B"), (product.StoreTokens, "C"), (product.NoteTokens, ""));

    protected override string MatchText(IReadOnlyList<QueryChunk> chunks, bool any) => TsText.Query(chunks, any);
}
