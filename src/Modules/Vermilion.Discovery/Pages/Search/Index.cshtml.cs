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
/// The search page (/search): tabs for notes, people and topics; the reference platform's sorts and filters as
/// chips; note results in the masonry feed, the next pages from <c>/search/fragment</c>.
/// </summary>
internal sealed class IndexModel(SearchResults results, Visitors visitors, IStringLocalizer text) : PageModel
{
    public SearchRequest Asked { get; private set; } = new(null);

    public string? Error { get; private set; }

    public SearchPage? Results { get; private set; }

    public FeedView? Feed { get; private set; }

    public async Task OnGetAsync(string? q, string? type, string? sort, string? noteType, string? time, string? city)
    {
        Asked = new SearchRequest(q, type, sort, null, noteType, time, city);
        if (string.IsNullOrWhiteSpace(q))
        {
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
        "/search/fragment?" + string.Join('&', new[] { ("q", request.Q), ("sort", request.Sort), ("noteType", request.NoteType), ("time", request.Time), ("city", request.City) }
            .Where(v => !string.IsNullOrEmpty(v.Item2)).Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2!)}"));
}
