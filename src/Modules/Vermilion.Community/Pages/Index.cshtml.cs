using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Feeds;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages;

/// <summary>One tab above the home feed: what it is called, which feed source it shows, and whether it is open.</summary>
public sealed record HomeTab(string Key, string Label, string Href, bool Active);

/// <summary>
/// The home page (发现): the personalized feed and its channels when the discovery module is present, the
/// people you follow, what is near you (同城), and the newest notes.
/// </summary>
internal sealed class IndexModel(FeedSources sources, IUserDirectory users, IStringLocalizer text) : PageModel
{
    public IReadOnlyList<HomeTab> Tabs { get; private set; } = [];

    public FeedView Feed { get; private set; } = null!;

    public bool Nearby { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? tab, string? channel, string? at)
    {
        var viewer = User.UserId();
        var recommender = sources.Recommender;
        var chosen = tab is "following" or "nearby" or "latest" ? tab : recommender is null ? "latest" : "discover";
        if (chosen == "following" && viewer is null)
        {
            return Challenge();
        }

        var channelKey = recommender?.Channels.Any(c => c.Key == channel) == true ? channel! : recommender?.Channels[0].Key ?? "";
        var source = chosen switch
        {
            "discover" => "discover:" + channelKey,
            "nearby" => "nearby:" + (at ?? await CityAsync(viewer)),
            _ => chosen,
        };
        Nearby = chosen == "nearby";
        Tabs = [.. (recommender?.Channels ?? []).Select(c => new HomeTab("discover:" + c.Key, c.Label, $"/?channel={Uri.EscapeDataString(c.Key)}", source == "discover:" + c.Key)),
            new HomeTab("following", text["community.feed.following"], "/?tab=following", chosen == "following"),
            new HomeTab("nearby", text["community.feed.nearby"], "/?tab=nearby", chosen == "nearby"),
            new HomeTab("latest", text["community.feed.latest"], "/?tab=latest", chosen == "latest")];
        var page = await sources.PageAsync(source, viewer, null, HttpContext.RequestAborted);
        var empty = chosen switch
        {
            "following" => "community.feed.following_empty",
            "nearby" => "community.feed.nearby_empty",
            _ => "community.feed.empty",
        };
        Feed = new FeedView(page!, source, text[empty]);
        return Page();
    }

    private async Task<string> CityAsync(long? viewer) =>
        viewer is { } me && await users.ProfileAsync(me, HttpContext.RequestAborted) is { City.Length: > 0 } profile ? profile.City : "";
}
