namespace Vermilion.Discovery.Signals;

/// <summary>
/// The names signals have on the wire, which of them a client may report, and how much each says about taste.
/// Likes, collects, comments, follows and "not interested" are recorded from the community's own events, and
/// purchases from the shop, so a client cannot claim one that did not happen.
/// </summary>
internal static class SignalKinds
{
    private static readonly Dictionary<string, FeedEventKind> ByName = new(StringComparer.Ordinal)
    {
        ["impression"] = FeedEventKind.Impression,
        ["click"] = FeedEventKind.Click,
        ["dwell"] = FeedEventKind.Dwell,
        ["video"] = FeedEventKind.VideoCompletion,
        ["like"] = FeedEventKind.Like,
        ["unlike"] = FeedEventKind.Unlike,
        ["collect"] = FeedEventKind.Collect,
        ["uncollect"] = FeedEventKind.Uncollect,
        ["comment"] = FeedEventKind.Comment,
        ["share"] = FeedEventKind.Share,
        ["follow"] = FeedEventKind.Follow,
        ["unfollow"] = FeedEventKind.Unfollow,
        ["purchase"] = FeedEventKind.Purchase,
        ["not-interested"] = FeedEventKind.NotInterested,
        ["search"] = FeedEventKind.Search,
        ["interest"] = FeedEventKind.Interest,
    };

    /// <summary>What a browser or an API client reports itself.</summary>
    public static readonly IReadOnlyList<string> Reportable = ["impression", "click", "dwell", "video", "share", "search"];

    /// <summary>A dwell at least this long counts as reading the note, not glancing at it.</summary>
    public const float LongDwellSeconds = 20;

    /// <summary>A video watched at least this far counts as watched.</summary>
    public const float VideoWatched = 0.8f;

    public static bool TryParse(string? name, out FeedEventKind kind) => ByName.TryGetValue(name ?? "", out kind);

    public static string NameOf(FeedEventKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool IsReportable(FeedEventKind kind) => Reportable.Contains(NameOf(kind));

    /// <summary>
    /// How strongly a signal says "more like this" when the recommender learns from it: zero for signals that are
    /// not about liking a note (impressions, searches, follows, retractions).
    /// </summary>
    public static float TasteWeight(FeedEventKind kind, float? value) => kind switch
    {
        FeedEventKind.Purchase => 3f,
        FeedEventKind.Collect => 2f,
        FeedEventKind.Comment => 1.5f,
        FeedEventKind.Share => 1.5f,
        FeedEventKind.Like => 1f,
        FeedEventKind.Dwell when value >= LongDwellSeconds => 0.6f,
        FeedEventKind.VideoCompletion when value >= VideoWatched => 0.6f,
        FeedEventKind.Click => 0.3f,
        _ => 0f,
    };
}
