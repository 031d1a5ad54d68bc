using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// What both engines share: the filters (audience, blocks, type, time, city), the sorted lists with keyset
/// cursors, and reading candidates. Each engine says how to match, rank, and pass a list of ids.
/// </summary>
internal abstract class SqlFullText : IFullTextEngine
{
    private const string Tail = " AS relevance, n.like_count, n.collect_count, n.comment_count, n.published_at, n.trust, n.author_id";

    public abstract Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken);

    public abstract Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken);

    public abstract Task ClearAsync(SearchDb db, CancellationToken cancellationToken);

    /// <summary>The FROM clause with the notes aliased <c>n</c>.</summary>
    protected abstract string Source { get; }

    /// <summary>The FROM clause when a few authors' notes are read first and each is checked against the text.</summary>
    protected virtual string AuthorsFirstSource => Source;

    /// <summary>The condition that the text matches <c>@match</c>.</summary>
    protected abstract string MatchCondition { get; }

    /// <summary>Text relevance of a row for <c>@match</c>, larger is better.</summary>
    protected abstract string RelevanceExpression { get; }

    /// <summary>The engine's query text for chunks that must all (or, with <paramref name="any"/>, at least one) match.</summary>
    protected abstract string MatchText(IReadOnlyList<QueryChunk> chunks, bool any);

    protected abstract string InList(string column, string parameter);

    protected abstract object ListValue(IReadOnlyCollection<long> ids);

    public Task<List<Candidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"SELECT n.id, {RelevanceExpression}{Tail} FROM {(filter.NonPublicOnly ? AuthorsFirstSource : Source)} WHERE {MatchCondition}");
        var parameters = new List<(string, object)> { ("match", MatchText(chunks, any)), ("limit", limit) };
        AppendFilter(sql, parameters, filter);
        sql.Append(" ORDER BY relevance DESC, n.id DESC LIMIT @limit");
        return ReadAsync(db, sql.ToString(), parameters, cancellationToken);
    }

    public Task<List<Candidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, NoteSort sort, SortPosition? after, int limit, CancellationToken cancellationToken)
    {
        var column = sort switch
        {
            NoteSort.MostLiked => "n.like_count",
            NoteSort.MostCommented => "n.comment_count",
            NoteSort.MostCollected => "n.collect_count",
            _ => "n.published_at",
        };
        var sql = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"SELECT n.id, CAST(0 AS DOUBLE PRECISION){Tail} FROM {(filter.NonPublicOnly ? AuthorsFirstSource : Source)} WHERE {MatchCondition}");
        var parameters = new List<(string, object)> { ("match", MatchText(chunks, any)), ("limit", limit) };
        AppendFilter(sql, parameters, filter);
        if (after is { } position)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND ({column} < @after_key OR ({column} = @after_key AND n.id < @after_id))");
            parameters.Add(("after_key", sort == NoteSort.Latest ? new DateTime(position.Key, DateTimeKind.Utc) : (object)position.Key));
            parameters.Add(("after_id", position.Id));
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {column} DESC, n.id DESC LIMIT @limit");
        return ReadAsync(db, sql.ToString(), parameters, cancellationToken);
    }

    private void AppendFilter(StringBuilder sql, List<(string, object)> parameters, NoteFilter filter)
    {
        if (filter.NonPublicOnly)
        {
            // One list of authors, so the author index alone says which rows to read.
            var me = filter.Viewer ?? 0;
            sql.Append(" AND ").Append(InList("n.author_id", "authors")).Append(" AND n.audience <> 0 AND (n.author_id = @viewer OR n.audience = 1)");
            parameters.Add(("authors", ListValue([me, .. filter.Following])));
            parameters.Add(("viewer", me));
        }
        else if (filter.Viewer is { } viewer)
        {
            sql.Append(" AND (n.audience = 0 OR n.author_id = @viewer");
            parameters.Add(("viewer", viewer));
            if (filter.Following.Count > 0)
            {
                sql.Append(" OR (n.audience = 1 AND ").Append(InList("n.author_id", "following")).Append(')');
                parameters.Add(("following", ListValue(filter.Following)));
            }

            sql.Append(')');
        }
        else
        {
            sql.Append(" AND n.audience = 0");
        }

        if (filter.Blocked.Count > 0)
        {
            sql.Append(" AND NOT ").Append(InList("n.author_id", "blocked"));
            parameters.Add(("blocked", ListValue(filter.Blocked)));
        }

        if (filter.Type is { } type)
        {
            sql.Append(" AND n.type = @type");
            parameters.Add(("type", type));
        }

        if (filter.Since is { } since)
        {
            sql.Append(" AND n.published_at >= @since");
            parameters.Add(("since", since.UtcDateTime));
        }

        if (filter.City is { } city)
        {
            sql.Append(" AND n.city = @city");
            parameters.Add(("city", city));
        }
    }

    private static Task<List<Candidate>> ReadAsync(SearchDb db, string sql, List<(string Name, object Value)> parameters, CancellationToken cancellationToken) =>
        SqlReader.ReadAsync(db, sql, parameters, reader => new Candidate(reader.GetInt64(0), reader.GetDouble(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
            new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)), reader.GetDouble(6), reader.GetInt64(7)), cancellationToken);
}
