using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// SQLite: a contentless FTS5 table (title, topics, body, products) keyed by note id, holding the analyzer's tokens
/// separated by spaces; ranked by bm25 with the title weighing most and the products the note carries between
/// its topics and its body. A chunk is an FTS5 phrase, so a CJK word's
/// bigrams must be consecutive.
/// </summary>
internal sealed class SqliteFullText : SqlFullText
{
    private const string Upsert = """
        INSERT INTO discovery_search_notes (id, author_id, type, city, audience, published_at, like_count, collect_count, comment_count, trust, title, body, topics, products, indexed_at)
        VALUES (@id, @author, @type, @city, @audience, @published, @likes, @collects, @comments, 1.0, @title, @body, @topics, @products, @now)
        ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, type = excluded.type, city = excluded.city, audience = excluded.audience,
            published_at = excluded.published_at, like_count = excluded.like_count, collect_count = excluded.collect_count,
            comment_count = excluded.comment_count, title = excluded.title, body = excluded.body, topics = excluded.topics, products = excluded.products,
            indexed_at = excluded.indexed_at;
        DELETE FROM discovery_search_notes_fts WHERE rowid = @id;
        INSERT INTO discovery_search_notes_fts (rowid, title, topics, body, products) VALUES (@id, @title_tokens, @topic_tokens, @body_tokens, @product_tokens);
        """;

    protected override string Source => "discovery_search_notes_fts JOIN discovery_search_notes n ON n.id = discovery_search_notes_fts.rowid";

    // CROSS JOIN keeps SQLite from reordering: the authors' few notes come from the author index, and each is
    // looked up in the full-text table by rowid, instead of walking every match of the words.
    protected override string AuthorsFirstSource => "discovery_search_notes n CROSS JOIN discovery_search_notes_fts ON discovery_search_notes_fts.rowid = n.id";

    protected override string MatchCondition => "discovery_search_notes_fts MATCH @match";

    protected override string RelevanceExpression => "-bm25(discovery_search_notes_fts, 10.0, 4.0, 1.0, 3.0)";

    public override async Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (notes.Count == 0)
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
            string[] names = ["id", "author", "type", "city", "audience", "published", "likes", "collects", "comments", "title", "body", "topics", "products", "now", "title_tokens", "topic_tokens", "body_tokens", "product_tokens"];
            var p = names.ToDictionary(n => n, n => command.Parameters.Add(new SqliteParameter { ParameterName = "@" + n }));
            foreach (var note in notes)
            {
                p["id"].Value = note.Id;
                p["author"].Value = note.AuthorId;
                p["type"].Value = note.Type;
                p["city"].Value = note.City;
                p["audience"].Value = (int)note.Audience;
                p["published"].Value = note.PublishedAt.UtcDateTime;
                p["likes"].Value = note.LikeCount;
                p["collects"].Value = note.CollectCount;
                p["comments"].Value = note.CommentCount;
                p["title"].Value = note.Title;
                p["body"].Value = note.Body;
                p["topics"].Value = note.Topics;
                p["products"].Value = note.Products;
                p["now"].Value = now.UtcDateTime;
                p["title_tokens"].Value = string.Join(' ', note.TitleTokens);
                p["topic_tokens"].Value = string.Join(' ', note.TopicTokens);
                p["body_tokens"].Value = string.Join(' ', note.BodyTokens);
                p["product_tokens"].Value = string.Join(' ', note.ProductTokens);
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
                $"DELETE FROM discovery_search_notes WHERE id = {id}; DELETE FROM discovery_search_notes_fts WHERE rowid = {id};", cancellationToken);
        }
    }

    public override async Task ClearAsync(SearchDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM discovery_search_notes; INSERT INTO discovery_search_notes_fts (discovery_search_notes_fts) VALUES ('delete-all');", cancellationToken);

    protected override string MatchText(IReadOnlyList<QueryChunk> chunks, bool any) => Fts5Query.Match(chunks, any);

    protected override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each(@{parameter}))";

    protected override object ListValue(IReadOnlyCollection<long> ids) => "[" + string.Join(',', ids) + "]";
}
