using Vermilion.Community.Boards;
using Vermilion.Community.Notes;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Feeds;

/// <summary>
/// Names every list of notes a page can scroll through (<c>latest</c>, <c>following</c>, <c>notes:{user}</c>, <c>drafts:{me}</c>,
/// <c>liked:{user}</c>, <c>collected:{user}</c>, <c>topic:{name}</c>, <c>board:{id}</c>), so infinite scroll can ask
/// for "the next page of this" by name. A tab its owner keeps private is no source at all for anyone else.
/// </summary>
internal sealed class FeedSources(FeedQueries feeds, BoardHandler boards, TabPrivacySettings privacy, IEnumerable<INoteRecommender> recommenders, INoteCards cards)
{
    /// <summary>The discovery module's recommender, when it is part of the platform.</summary>
    public INoteRecommender? Recommender { get; } = recommenders.FirstOrDefault();

    public async Task<Page<NoteCard>?> PageAsync(string source, long? viewer, string? cursor, CancellationToken cancellationToken)
    {
        var (kind, argument) = source.IndexOf(':', StringComparison.Ordinal) is var at and > 0 ? (source[..at], source[(at + 1)..]) : (source, "");
        long? id = ShortId.TryDecode(argument, out var value) ? value : null;
        return kind switch
        {
            "latest" => await feeds.LatestAsync(viewer, cursor, cancellationToken),
            "discover" or "nearby" when Recommender is null => await feeds.LatestAsync(viewer, cursor, cancellationToken),
            "discover" => await RecommendedAsync(new FeedRequest(viewer, "discover", argument.Length > 0 ? argument : "recommend", null, null, null, cursor), cancellationToken),
            "nearby" => await RecommendedAsync(Nearby(viewer, argument, cursor), cancellationToken),
            "following" when viewer is { } me => await feeds.FollowingAsync(me, cursor, cancellationToken),
            "notes" when id is { } user => await feeds.ByAuthorAsync(user, viewer, cursor, cancellationToken),
            "drafts" when id is { } user && user == viewer => await feeds.DraftsAsync(user, cursor, cancellationToken),
            "liked" when id is { } user && !await privacy.HiddenFromAsync(user, viewer, kind, cancellationToken)
                => await feeds.LikedByAsync(user, viewer, cursor, cancellationToken),
            "collected" when id is { } user && !await privacy.HiddenFromAsync(user, viewer, kind, cancellationToken)
                => await feeds.CollectedByAsync(user, viewer, cursor, cancellationToken),
            "topic" when argument.Length > 0 => await feeds.TopicLatestAsync(argument, viewer, cursor, cancellationToken),
            "board" when id is { } board && await boards.FindVisibleAsync(board, viewer, cancellationToken) is not null
                => await feeds.InBoardAsync(board, viewer, cursor, cancellationToken),
            _ => null,
        };
    }

    /// <summary><c>nearby:{lat},{lng}</c> from the browser's position, or <c>nearby:{city}</c> from the profile.</summary>
    private static FeedRequest Nearby(long? viewer, string argument, string? cursor)
    {
        var parts = argument.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lng) && lng is >= -180 and <= 180
            ? new FeedRequest(viewer, "nearby", "nearby", lat, lng, null, cursor)
            : new FeedRequest(viewer, "nearby", "nearby", null, null, argument.Length > 0 ? argument : null, cursor);
    }

    private async Task<Page<NoteCard>> RecommendedAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var page = await Recommender!.PageAsync(request, cancellationToken);
        if (page.Notes.Count == 0 && request.Cursor is null && request.Feed == "discover" && request.Channel == "recommend")
        {
            // A recommender with nothing to say yet (a node that has not trained on notes loaded in bulk) must not
            // show an empty home page: the newest notes stand in, one page, until it has.
            var latest = await feeds.LatestAsync(request.Viewer, null, cancellationToken);
            return new Page<NoteCard>(latest.Items, null);
        }

        var reasons = page.Notes.GroupBy(n => n.NoteId).ToDictionary(g => g.Key, g => g.First().Reason);
        var shown = await cards.CardsAsync([.. page.Notes.Select(n => n.NoteId)], request.Viewer, reasons, cancellationToken);
        return new Page<NoteCard>(shown, page.Next);
    }
}
