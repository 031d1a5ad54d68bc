using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Feeds;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Web;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Pages.Fragments;

/// <summary>The next page of any feed as card HTML, for infinite scroll; the cursor after it is in <c>X-Next-Cursor</c>.</summary>
internal sealed class FeedModel(FeedSources sources) : PageModel
{
    public IReadOnlyList<NoteCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string source, string? cursor)
    {
        var page = await sources.PageAsync(source ?? "", User.UserId(), cursor, HttpContext.RequestAborted);
        if (page is null)
        {
            return NotFound();
        }

        Cards = page.Items;
        Response.Headers["X-Next-Cursor"] = page.Next ?? "";
        return Page();
    }
}
