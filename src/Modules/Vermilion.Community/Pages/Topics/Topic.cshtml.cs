using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Feeds;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Web;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Pages.Topics;

/// <summary>A topic's page: how many notes discuss it, its hot notes and its latest.</summary>
internal sealed class TopicModel(TopicQueries topics, IStringLocalizer text) : PageModel
{
    public string Name { get; private set; } = "";

    public int NoteCount { get; private set; }

    public string Sort { get; private set; } = "hot";

    public FeedView Feed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, string? sort)
    {
        Sort = sort == "latest" ? "latest" : "hot";
        if (await topics.PageAsync(name, Sort, null, User.UserId(), HttpContext.RequestAborted) is not { } page)
        {
            return NotFound();
        }

        (Name, NoteCount) = (page.Name, page.NoteCount);
        Feed = new FeedView(new Page<NoteCard>(page.Notes, page.Next), "topic:" + page.Name, text["community.feed.empty"]);
        return Page();
    }
}
