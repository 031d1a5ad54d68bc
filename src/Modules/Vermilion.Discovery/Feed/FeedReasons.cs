using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// The short line under a card that says why it is there (因为你收藏了「…」, 你关注的…, 同城热门), in the reader's
/// language. Titles are cut short so the line fits a card.
/// </summary>
internal static class FeedReasons
{
    public const int TitleLength = 12;

    public static string Text(IStringLocalizer text, ReasonKind reason, string? argument) => reason switch
    {
        ReasonKind.Bought => text["discovery.reason.bought", Short(argument)],
        ReasonKind.Collected => text["discovery.reason.collected", Short(argument)],
        ReasonKind.Liked => text["discovery.reason.liked", Short(argument)],
        ReasonKind.Commented => text["discovery.reason.commented", Short(argument)],
        ReasonKind.Viewed => text["discovery.reason.viewed", Short(argument)],
        ReasonKind.Following when argument is { Length: > 0 } => text["discovery.reason.following", argument],
        ReasonKind.Following => text["discovery.reason.following_someone"],
        ReasonKind.Search => text["discovery.reason.search", Short(argument)],
        ReasonKind.Interest => text["discovery.reason.interest", argument ?? ""],
        ReasonKind.Nearby => text["discovery.reason.nearby"],
        ReasonKind.Distance => text["discovery.reason.distance", argument ?? ""],
        ReasonKind.ChannelTrending when argument is { Length: > 0 } => text["discovery.reason.channel_trending", argument],
        ReasonKind.Trending or ReasonKind.ChannelTrending => text["discovery.reason.trending"],
        ReasonKind.Fresh => text["discovery.reason.fresh"],
        _ => text["discovery.reason.for_you"],
    };

    /// <summary>A distance as a card shows it: metres under one kilometre, one decimal under ten.</summary>
    public static string Distance(double km) => km switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(10, Math.Round(km * 100) * 10):0}m"),
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{km:0.0}km"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{km:0}km"),
    };

    public static string Short(string? title)
    {
        var value = (title ?? "").Trim();
        var info = new StringInfo(value);
        return info.LengthInTextElements <= TitleLength ? value : info.SubstringByTextElements(0, TitleLength) + "…";
    }
}
