using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Boards;
using Vermilion.Community.Feeds;
using Vermilion.Community.Profiles;
using Vermilion.Community.Series;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Profiles;

/// <summary>A person's homepage: who they are, their counters, and tabs of their notes, collections and likes.</summary>
internal sealed class ProfileModel(
    IUserDirectory users,
    SocialQueries social,
    FeedSources sources,
    BoardHandler boards,
    SeriesQueries series,
    TabPrivacySettings privacy,
    IStringLocalizer text) : PageModel
{
    public PublicProfile Person { get; private set; } = null!;

    public SocialSummary Social { get; private set; } = null!;

    public string Tab { get; private set; } = "notes";

    public FeedView? Feed { get; private set; }

    public IReadOnlyList<BoardView> Boards { get; private set; } = [];

    public IReadOnlyList<SeriesView> Series { get; private set; } = [];

    /// <summary>The tab is one the person keeps to themselves: the viewer sees a notice instead.</summary>
    public bool TabHidden { get; private set; }

    /// <summary>The owner sees which of their tabs others cannot.</summary>
    public TabPrivacyView Privacy { get; private set; } = new(false, false);

    public bool IsMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? tab)
    {
        if (!ShortId.TryDecode(id, out var userId) || await users.ProfileAsync(userId, HttpContext.RequestAborted) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        IsMe = User.UserId() == userId;
        Social = await social.SummaryAsync(userId, User.UserId(), HttpContext.RequestAborted);
        Tab = tab is "collected" or "liked" or "boards" or "series" ? tab : tab == "drafts" && IsMe ? tab : "notes";
        Privacy = await privacy.GetAsync(userId, HttpContext.RequestAborted);
        if (Social.BlockedYou)
        {
            return Page();
        }

        if (Tab == "series")
        {
            Series = await series.OfAsync(userId, User.UserId(), HttpContext.RequestAborted);
            return Page();
        }

        if (await privacy.HiddenFromAsync(userId, User.UserId(), Tab, HttpContext.RequestAborted))
        {
            TabHidden = true;
            return Page();
        }

        if (Tab == "boards")
        {
            Boards = await boards.ListAsync(userId, User.UserId(), HttpContext.RequestAborted);
            return Page();
        }

        var source = $"{Tab}:{id}";
        var page = await sources.PageAsync(source, User.UserId(), null, HttpContext.RequestAborted);
        Feed = new FeedView(page!, source, text[$"community.profile.empty_{Tab}"]);
        return Page();
    }
}
