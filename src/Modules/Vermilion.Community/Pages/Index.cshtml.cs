using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Feeds;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages;

/// <summary>The home page: a masonry feed of notes, the latest or from the people you follow.</summary>
internal sealed class IndexModel(FeedSources sources, IStringLocalizer text) : PageModel
{
    public string Tab { get; private set; } = "latest";

    public FeedView Feed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? tab)
    {
        Tab = tab == "following" ? "following" : "latest";
        if (Tab == "following" && User.UserId() is null)
        {
            return Challenge();
        }

        var page = await sources.PageAsync(Tab, User.UserId(), null, HttpContext.RequestAborted);
        Feed = new FeedView(page!, Tab, text[Tab == "following" ? "community.feed.following_empty" : "community.feed.empty"]);
        return Page();
    }
}
