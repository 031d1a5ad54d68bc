using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// PostgreSQL: a tsvector column built from the analyzer's tokens with their positions and weights (title A,
/// topics B, the products it carries C, body D), written as a tsvector literal (<see cref="TsText"/>) so no
/// text-search parser or locale touches CJK text; a GIN index; ts_rank. A chunk is a phrase of <c>&lt;-&gt;</c>
/// (followed-by) operators.
/// </summary>
internal sealed class PostgresFullText : SqlFullText
{
    private const string Upsert = """
        INSERT INTO discovery_search_notes (id, author_id, type, city, audience, published_at, like_count, collect_count, comment_count, trust, title, body, topics, products, indexed_at, document)
        SELECT u.id, u.author_id, u.type, u.city, u.audience, u.published_at, u.like_count, u.collect_count, u.comment_count, 1.0, u.title, u.body, u.topics, u.products, @now, CAST(u.document AS tsvector)
        FROM unnest(@id, @author, @type, @city, @audience, @published, @likes, @collects, @comments, @title, @body, @topics, @products, @document)
            AS u(id, author_id, type, city, audience, published_at, like_count, collect_count, comment_count, title, body, topics, products, document)
        ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, type = excluded.type, city = excluded.city, audience = excluded.audience,
            published_at = excluded.published_at, like_count = excluded.like_count, collect_count = excluded.collect_count,
            comment_count = excluded.comment_count, title = excluded.title, body = excluded.body, topics = excluded.topics,
            products = excluded.products, indexed_at = excluded.indexed_at, document = excluded.document
        """;

    protected override string Source => "discovery_search_notes n";

    protected override string MatchCondition => "n.document @@ CAST(@match AS tsquery)";

    protected override string RelevanceExpression => "CAST(ts_rank(n.document, CAST(@match AS tsquery), 1) AS DOUBLE PRECISION)";

    public override async Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (notes.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("now", now.UtcDateTime);
            command.Parameters.AddWithValue("id", notes.Select(n => n.Id).ToArray());
            command.Parameters.AddWithValue("author", notes.Select(n => n.AuthorId).ToArray());
            command.Parameters.AddWithValue("type", notes.Select(n => n.Type).ToArray());
            command.Parameters.AddWithValue("city", notes.Select(n => n.City).ToArray());
            command.Parameters.AddWithValue("audience", notes.Select(n => (int)n.Audience).ToArray());
            command.Parameters.AddWithValue("published", notes.Select(n => n.PublishedAt.UtcDateTime).ToArray());
            command.Parameters.AddWithValue("likes", notes.Select(n => n.LikeCount).ToArray());
            command.Parameters.AddWithValue("collects", notes.Select(n => n.CollectCount).ToArray());
            command.Parameters.AddWithValue("comments", notes.Select(n => n.CommentCount).ToArray());
            command.Parameters.AddWithValue("title", notes.Select(n => n.Title).ToArray());
            command.Parameters.AddWithValue("body", notes.Select(n => n.Body).ToArray());
            command.Parameters.AddWithValue("topics", notes.Select(n => n.Topics).ToArray());
            command.Parameters.AddWithValue("products", notes.Select(n => n.Products).ToArray());
            command.Parameters.AddWithValue("document", notes.Select(Document).ToArray());
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
        await db.Database.ExecuteSqlAsync($"DELETE FROM discovery_search_notes WHERE id = ANY({array})", cancellationToken);
    }

    public override async Task ClearAsync(SearchDb db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("TRUNCATE discovery_search_notes", cancellationToken);

    /// <summary>The note's tokens as a tsvector literal: title A, topics B, products C, body D.</summary>
    internal static string Document(NoteDocument note) =>
        TsText.Vector((note.TitleTokens, "A"), (note.TopicTokens, "B"), (note.ProductTokens, "C"), (note.BodyTokens, ""));

    protected override string MatchText(IReadOnlyList<QueryChunk> chunks, bool any) => TsText.Query(chunks, any);

    protected override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected override object ListValue(IReadOnlyCollection<long> ids) => ids.ToArray();
}
