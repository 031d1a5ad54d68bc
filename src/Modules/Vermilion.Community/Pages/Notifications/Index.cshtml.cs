using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Notifications;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Notifications;

/// <summary>The notification page: a tab each for comments and mentions, likes and collects, new followers, system notices.</summary>
[Authorize]
internal sealed class IndexModel(NotificationQueries queries, UnreadCountsQuery unread) : PageModel
{
    public static readonly string[] Tabs = ["comments", "likes", "follows", "system"];

    public string Tab { get; private set; } = "comments";

    public Page<NotificationView> Items { get; private set; } = new([], null);

    public UnreadCounts Unread { get; private set; } = new(0, 0, 0, 0, 0);

    public async Task OnGetAsync(string? tab, string? cursor)
    {
        Tab = Tabs.Contains(tab) ? tab! : "comments";
        var me = User.RequiredUserId();
        Unread = await unread.ForAsync(me, HttpContext.RequestAborted);
        Items = await queries.ListAsync(me, NotificationQueries.Categories[Tab], cursor, HttpContext.RequestAborted);
    }

    public int UnreadIn(string tab) => tab switch
    {
        "comments" => Unread.Comments,
        "likes" => Unread.Likes,
        "follows" => Unread.Follows,
        _ => Unread.System,
    };
}
