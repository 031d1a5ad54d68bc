using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Kernel.Errors;

namespace Vermilion.Discovery.Search.Results;

/// <summary>What the products tab and the API send: the query, the sort and the page.</summary>
internal sealed record ProductSearchRequest(string? Q, string? Sort = null, string? Cursor = null);

/// <summary>A checked product search.</summary>
internal sealed record ValidProductSearch(string Text, ProductSort Sort, SearchCursor? Cursor)
{
    public static readonly IReadOnlyDictionary<string, ProductSort> Sorts = new Dictionary<string, ProductSort>(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = ProductSort.Relevance,
        ["sales"] = ProductSort.Sales,
        ["price_asc"] = ProductSort.PriceAscending,
        ["price_desc"] = ProductSort.PriceDescending,
        ["rating"] = ProductSort.Rating,
    };

    /// <summary>The sort's name as the API spells it.</summary>
    public string SortName => Sorts.First(s => s.Value == Sort).Key;

    public static Outcome<ValidProductSearch> Check(ProductSearchRequest request, IStringLocalizer text)
    {
        var errors = new FieldErrors();
        var q = SearchFields.Query(request.Q, errors, text);
        var sort = ProductSort.Relevance;
        if (!string.IsNullOrEmpty(request.Sort) && !Sorts.TryGetValue(request.Sort, out sort))
        {
            errors.Add("sort", text["discovery.search.product_sort"]);
        }

        var cursor = SearchFields.Cursor(request.Cursor, errors, text);
        return errors.IsEmpty ? new ValidProductSearch(q, sort, cursor) : Failure.Invalid(errors, text["common.invalid"]);
    }
}
