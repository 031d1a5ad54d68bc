using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Kernel.Errors;

namespace Vermilion.Discovery.Search.Results;

/// <summary>What the search box and the API send: the query, which results, the sort, the filters, the page.</summary>
internal sealed record SearchRequest(string? Q, string? Type = null, string? Sort = null, string? Cursor = null, string? NoteType = null, string? Time = null, string? City = null);

/// <summary>What <c>/api/search</c> shows: notes (笔记), people (用户) or topics (话题); products (商品) have their own search.</summary>
internal enum ResultType
{
    Notes,
    Users,
    Topics,
}

/// <summary>A checked search request.</summary>
internal sealed record ValidSearch(string Text, ResultType Type, NoteSort Sort, SearchCursor? Cursor, string? NoteType, TimeSpan? Within, string? City)
{
    public static readonly IReadOnlyDictionary<string, NoteSort> Sorts = new Dictionary<string, NoteSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["general"] = NoteSort.General,
        ["latest"] = NoteSort.Latest,
        ["likes"] = NoteSort.MostLiked,
        ["comments"] = NoteSort.MostCommented,
        ["collects"] = NoteSort.MostCollected,
    };

    public static readonly IReadOnlyDictionary<string, TimeSpan> Times = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = TimeSpan.FromDays(1),
        ["week"] = TimeSpan.FromDays(7),
        ["halfyear"] = TimeSpan.FromDays(182),
    };

    public static readonly string[] NoteTypes = ["image", "video", "text"];

    public static Outcome<ValidSearch> Check(SearchRequest request, IStringLocalizer text)
    {
        var errors = new FieldErrors();
        var q = SearchFields.Query(request.Q, errors, text);

        var type = ResultType.Notes;
        if (!string.IsNullOrEmpty(request.Type) && !Enum.TryParse(request.Type, ignoreCase: true, out type))
        {
            errors.Add("type", text["discovery.search.type"]);
        }

        var sort = NoteSort.General;
        if (!string.IsNullOrEmpty(request.Sort) && !Sorts.TryGetValue(request.Sort, out sort))
        {
            errors.Add("sort", text["discovery.search.sort"]);
        }

        var cursor = SearchFields.Cursor(request.Cursor, errors, text);

        var noteType = string.IsNullOrEmpty(request.NoteType) ? null : request.NoteType.ToLowerInvariant();
        if (noteType is not null && !NoteTypes.Contains(noteType))
        {
            errors.Add("noteType", text["discovery.search.note_type"]);
        }

        TimeSpan? within = null;
        if (!string.IsNullOrEmpty(request.Time))
        {
            if (Times.TryGetValue(request.Time, out var span))
            {
                within = span;
            }
            else
            {
                errors.Add("time", text["discovery.search.time"]);
            }
        }

        var city = string.IsNullOrWhiteSpace(request.City) ? null : request.City.Trim();
        if (city is { Length: > 50 })
        {
            errors.Add("city", text["discovery.search.city"]);
        }

        return errors.IsEmpty
            ? new ValidSearch(q, type, sort, cursor, noteType, within, city)
            : Failure.Invalid(errors, text["common.invalid"]);
    }
}
