namespace Vermilion.Community.Contracts;

/// <summary>What a feed page asks a recommender for: whose feed, which one (<c>discover</c> or <c>nearby</c>), where.</summary>
public sealed record FeedRequest(long? Viewer, string Feed, string Channel, double? Latitude, double? Longitude, string? City, string? Cursor);

/// <summary>A recommended note and the short reason the card shows (因为你收藏了…, 同城热门, 你关注的…).</summary>
public sealed record RecommendedNote(long NoteId, string Reason);

public sealed record RecommendedPage(IReadOnlyList<RecommendedNote> Notes, string? Next);

/// <summary>
/// The personalized feeds the home page shows (推荐 and its channels, 同城), plugged in by the discovery module.
/// Without one, the home page falls back to the newest notes. Ids are checked for visibility again when the
/// cards are made, so a recommender never has to be the last word on who may see what.
/// </summary>
public interface INoteRecommender
{
    /// <summary>The channels offered as tabs (推荐 first), as (key, label) pairs in the viewer's language.</summary>
    IReadOnlyList<(string Key, string Label)> Channels { get; }

    Task<RecommendedPage> PageAsync(FeedRequest request, CancellationToken cancellationToken);
}
