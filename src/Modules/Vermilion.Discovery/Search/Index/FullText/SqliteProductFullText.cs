using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// SQLite: a contentless FTS5 table (title, specs, store, notes) keyed by product id, holding the analyzer's
/// tokens; ranked by bm25 with the title weighing most, then specs, the store's name and the notes featuring it.
/// </summary>
internal sealed class SqliteProductFullText : SqlProductFullText
{
    private const string Upsert = """
        INSERT INTO discovery_search_products (id, store_id, title, specs, store_name, notes, price, sold_count, rating, rating_count, indexed_at)
        VALUES (@id, @store, @title, @specs, @store_name, @notes, @price, @sold, @rating, @ratings, @now)
        ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, title = excluded.title, specs = excluded.specs, store_name = excluded.store_name,
            notes = excluded.notes, price = excluded.price, sold_count = excluded.sold_count, rating = excluded.rating,
            rating_count = excluded.rating_count, indexed_at = excluded.indexed_at;
        DELETE FROM discovery_search_products_fts WHERE rowid = @id;
        INSERT INTO discovery_search_products_fts (rowid, title, specs, store, notes) VALUES (@id, @title_tokens, @spec_tokens, @store_tokens, @note_tokens);
        """;

    protected override string Source => "discovery_search_products_fts JOIN discovery_search_products p ON p.id = discovery_search_products_fts.rowid";

    protected override string MatchCondition => "discovery_search_products_fts MATCH @match";

    protected override string RelevanceExpression => "-bm25(discovery_search_products_fts, 10.0, 3.0, 2.0, 1.0)";

    public override async Task WriteAsync(SearchDb db, IReadOnlyList<ProductDocument> products, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (products.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            string[] names = ["id", "store", "title", "specs", "store_name", "notes", "price", "sold", "rating", "ratings", "now", "title_tokens", "spec_tokens", "store_tokens", "note_tokens"];
            var p = names.ToDictionary(n => n, n => command.Parameters.Add(new SqliteParameter { ParameterName = "@" + n }));
            foreach (var product in products)
            {
                p["id"].Value = product.Id;
                p["store"].Value = product.StoreId;
                p["title"].Value = product.Title;
                p["specs"].Value = product.Specs;
                p["store_name"].Value = product.StoreName;
                p["notes"].Value = product.Notes;
                p["price"].Value = product.Price;
                p["sold"].Value = product.SoldCount;
                p["rating"].Value = product.Rating;
                p["ratings"].Value = product.RatingCount;
                p["now"].Value = now.UtcDateTime;
                p["title_tokens"].Value = string.Join(' ', product.TitleTokens);
                p["spec_tokens"].Value = string.Join(' ', product.SpecTokens);
                p["store_tokens"].Value = string.Join(' ', product.StoreTokens);
                p["note_tokens"].Value = string.Join(' ', product.NoteTokens);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override async Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM discovery_search_products WHERE id = {id}; DELETE FROM discovery_search_products_fts WHERE rowid = {id};", cancellationToken);
        }
    }

    public override async Task ClearAsync(SearchDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM discovery_search_products; INSERT INTO discovery_search_products_fts (discovery_search_products_fts) VALUES ('delete-all');", cancellationToken);

    protected override string MatchText(IReadOnlyList<QueryChunk> chunks, bool any) => Fts5Query.Match(chunks, any);
}
