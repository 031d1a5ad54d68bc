using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Api;
using Vermilion.Discovery.Search.Results;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Pages.Search;

/// <summary>
/// The search page (/search): tabs for notes, products, people and topics; the reference platform's sorts and
/// filters as chips; note results in the masonry feed, the next pages from <c>/search/fragment</c>; products in a
/// grid of their own, the next pages from <c>/search/products/fragment</c>.
/// </summary>
internal sealed class IndexModel(SearchResults results, ProductResults products, Visitors visitors, IStringLocalizer text) : PageModel
{
    public SearchRequest Asked { get; private set; } = new(null);

    public string? Error { get; private set; }

    public SearchPage? Results { get; private set; }

    public FeedView? Feed { get; private set; }

    public ProductSearchPage? Products { get; private set; }

    /// <summary>Where the products grid gets its next pages (the cursor is added by the script).</summary>
    public string ProductFragmentLink => "/search/products/fragment?" + Query(("q", Asked.Q), ("sort", Asked.Sort));

    public bool IsProducts => Is(Asked.Type, "products");

    public async Task OnGetAsync(string? q, string? type, string? sort, string? noteType, string? time, string? city)
    {
        Asked = new SearchRequest(q, type, sort, null, noteType, time, city);
        if (string.IsNullOrWhiteSpace(q))
        {
            return;
        }

        if (IsProducts)
        {
            await ProductsAsync();
            return;
        }

        var check = ValidSearch.Check(Asked, text);
        if (!check.Succeeded)
        {
            Error = check.Failure!.Fields?.All.SelectMany(f => f.Value).FirstOrDefault() ?? check.Failure.Message;
            return;
        }

        Results = await results.SearchAsync(User.UserId(), visitors.Recognize(HttpContext), check.Value!, HttpContext.RequestAborted);
        var cards = Results.Notes.Select(n => n.Card).ToList();
        Feed = new FeedView(new Page<NoteCard>(cards, Results.Next), "search", text["discovery.search.empty"], FragmentLink(Asked));
    }

    /// <summary>
    /// A tab's address. Notes, people and topics share their sorts and filters; products have sorts of their own, so
    /// moving to or from them keeps only the query.
    /// </summary>
    public string TabLink(string tab) =>
        tab == "products" || IsProducts
            ? "/search?" + Query(("q", Asked.Q), ("type", tab == "notes" ? null : tab))
            : Link("type", tab == "notes" ? null : tab);

    /// <summary>This page's address with one parameter changed (null removes it); the others stay.</summary>
    public string Link(string name, string? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Asked.Q, ["type"] = Asked.Type, ["sort"] = Asked.Sort, ["noteType"] = Asked.NoteType, ["time"] = Asked.Time, ["city"] = Asked.City,
        };
        values[name] = value;
        return "/search?" + string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
    }

    public bool Is(string? actual, string? expected) => string.Equals(actual ?? "", expected ?? "", StringComparison.OrdinalIgnoreCase);

    private static string FragmentLink(SearchRequest request) =>
        "/search/fragment?" + Query(("q", request.Q), ("sort", request.Sort), ("noteType", request.NoteType), ("time", request.Time), ("city", request.City));

    private static string Query(params (string Name, string? Value)[] values) =>
        string.Join('&', values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}"));

    private async Task ProductsAsync()
    {
        var check = ValidProductSearch.Check(new ProductSearchRequest(Asked.Q, Asked.Sort), text);
        if (!check.Succeeded)
        {
            Error = check.Failure!.Fields?.All.SelectMany(f => f.Value).FirstOrDefault() ?? check.Failure.Message;
            return;
        }

        Products = await products.SearchAsync(User.UserId(), visitors.Recognize(HttpContext), check.Value!, HttpContext.RequestAborted);
    }
}
