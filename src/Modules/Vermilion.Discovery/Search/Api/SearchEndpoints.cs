using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Results;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Search.Api;

/// <summary>A suggestion for the search box: the text, where it comes from, and the text with the typed prefix marked.</summary>
internal sealed record SuggestionView(string Text, string Kind, string Html);

internal sealed record HotSearchView(int Rank, string Text, double Heat);

internal static class SearchEndpoints
{
    private const int SuggestionsShown = 10;

    public static void Map(IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/search").WithTags("Search");
        search.MapGet("", SearchAsync).WithSummary(
            "Search notes (type=notes, default), people (users) or topics (topics). sort: general|latest|likes|comments|collects; " +
            "filters: noteType (image|video|text), time (day|week|halfyear), city; cursor from the previous page's next.");
        search.MapGet("/products", ProductsAsync).WithSummary(
            "Search products (商品) by title, specs, store name and the notes featuring them. sort: relevance|sales|price_asc|price_desc|rating; " +
            "cursor from the previous page's next.");
        search.MapGet("/suggest", Suggest).WithSummary("Suggestions as you type: popular queries, titles, topics and learned words starting with q.");
        search.MapGet("/hot", HotAsync).WithSummary("Hot searches (热搜榜): queries by time-decayed count.");
        search.MapGet("/history", (HttpContext http, SearchHistory history) => history.RecentAsync(http.User.RequiredUserId(), http.RequestAborted))
            .RequireAuthorization().WithSummary("Your recent searches, newest first.");
        search.MapDelete("/history/item", DeleteOneAsync).RequireAuthorization().WithSummary("Delete one search (q) from your history.");
        search.MapDelete("/history", async (HttpContext http, SearchHistory history) =>
        {
            await history.ClearAsync(http.User.RequiredUserId(), http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Clear your search history.");
    }

    private static async Task<IResult> SearchAsync(string? q, string? type, string? sort, string? cursor, string? noteType, string? time, string? city,
        HttpContext http, SearchResults results, Visitors visitors, IStringLocalizer text)
    {
        var check = ValidSearch.Check(new SearchRequest(q, type, sort, cursor, noteType, time, city), text);
        if (!check.Succeeded)
        {
            return Problems.From(check.Failure!);
        }

        return TypedResults.Ok(await results.SearchAsync(http.User.UserId(), visitors.Recognize(http), check.Value!, http.RequestAborted));
    }

    private static async Task<IResult> ProductsAsync(string? q, string? sort, string? cursor, HttpContext http, ProductResults results, Visitors visitors, IStringLocalizer text)
    {
        var check = ValidProductSearch.Check(new ProductSearchRequest(q, sort, cursor), text);
        if (!check.Succeeded)
        {
            return Problems.From(check.Failure!);
        }

        return TypedResults.Ok(await results.SearchAsync(http.User.UserId(), visitors.Recognize(http), check.Value!, http.RequestAborted));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<List<SuggestionView>> Suggest(string? q, SuggestionHolder suggestions, Visitors visitors, HttpContext http)
    {
        // The search box asks for suggestions before the first search: a visitor's cookie is handed out here.
        visitors.Recognize(http);
        var prefix = (q ?? "").Trim();
        if (prefix.Length > QueryAnalyzer.MaxLength)
        {
            prefix = prefix[..QueryAnalyzer.MaxLength];
        }

        var folded = Characters.Fold(prefix);
        return TypedResults.Ok(suggestions.Current.Lookup(prefix, SuggestionsShown)
            .Select(s => new SuggestionView(s.Text, s.Kind.ToString().ToLowerInvariant(),
                "<em>" + WebUtility.HtmlEncode(s.Text[..Math.Min(folded.Length, s.Text.Length)]) + "</em>" + WebUtility.HtmlEncode(s.Text[Math.Min(folded.Length, s.Text.Length)..])))
            .ToList());
    }

    private static async Task<IResult> HotAsync(HotSearches hot, Visitors visitors, HttpContext http)
    {
        visitors.Recognize(http);
        return TypedResults.Ok((await hot.TopAsync(10, http.RequestAborted)).Select(h => new HotSearchView(h.Rank, h.Text, h.Heat)).ToList());
    }

    private static async Task<IResult> DeleteOneAsync(string? q, HttpContext http, SearchHistory history, IStringLocalizer text)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.From(Failure.Invalid("q", text["discovery.search.q_required"]));
        }

        return await history.DeleteAsync(http.User.RequiredUserId(), q, http.RequestAborted)
            ? TypedResults.NoContent()
            : TypedResults.Problem(detail: text["discovery.search.history_missing"], statusCode: StatusCodes.Status404NotFound);
    }
}
