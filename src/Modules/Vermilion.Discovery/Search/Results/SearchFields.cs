using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Kernel.Errors;

namespace Vermilion.Discovery.Search.Results;

/// <summary>The fields every kind of search checks alike: the query text and the cursor of the next page.</summary>
internal static class SearchFields
{
    /// <summary>The trimmed query, or an error under <c>q</c> when it is empty or too long.</summary>
    public static string Query(string? q, FieldErrors errors, IStringLocalizer text)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0)
        {
            errors.Add("q", text["discovery.search.q_required"]);
        }
        else if (query.Length > QueryAnalyzer.MaxLength)
        {
            errors.Add("q", text["discovery.search.q_too_long", QueryAnalyzer.MaxLength]);
        }

        return query;
    }

    /// <summary>The decoded cursor, null for the first page, or an error under <c>cursor</c>.</summary>
    public static SearchCursor? Cursor(string? cursor, FieldErrors errors, IStringLocalizer text)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (SearchCursor.TryDecode(cursor, out var decoded))
        {
            return decoded;
        }

        errors.Add("cursor", text["discovery.search.cursor"]);
        return null;
    }
}
