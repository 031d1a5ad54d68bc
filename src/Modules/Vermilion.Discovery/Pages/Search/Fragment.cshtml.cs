using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Api;
using Vermilion.Discovery.Search.Results;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Pages.Search;

/// <summary>The next page of note results as card HTML for infinite scroll; the cursor after it is in <c>X-Next-Cursor</c>.</summary>
internal sealed class FragmentModel(SearchResults results, IStringLocalizer text) : PageModel
{
    public IReadOnlyList<NoteCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? sort, string? noteType, string? time, string? city, string? cursor)
    {
        var check = ValidSearch.Check(new SearchRequest(q, null, sort, cursor, noteType, time, city), text);
        if (!check.Succeeded || check.Value!.Cursor is null)
        {
            return BadRequest();
        }

        var page = await results.SearchAsync(User.UserId(), null, check.Value, HttpContext.RequestAborted);
        Cards = [.. page.Notes.Select(n => n.Card)];
        Response.Headers["X-Next-Cursor"] = page.Next ?? "";
        return Page();
    }
}
