using Vermilion.Community.Boards;
using Vermilion.Community.Notes;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Feeds;

/// <summary>
/// Names every list of notes a page can scroll through (<c>latest</c>, <c>following</c>, <c>notes:{user}</c>, <c>drafts:{me}</c>,
/// <c>liked:{user}</c>, <c>collected:{user}</c>, <c>topic:{name}</c>, <c>board:{id}</c>), so infinite scroll can ask
/// for "the next page of this" by name. A tab its owner keeps private is no source at all for anyone else.
/// </summary>
internal sealed class FeedSources(FeedQueries feeds, BoardHandler boards, TabPrivacySettings privacy)
{
    public async Task<Page<NoteCard>?> PageAsync(string source, long? viewer, string? cursor, CancellationToken cancellationToken)
    {
        var (kind, argument) = source.IndexOf(':', StringComparison.Ordinal) is var at and > 0 ? (source[..at], source[(at + 1)..]) : (source, "");
        long? id = ShortId.TryDecode(argument, out var value) ? value : null;
        return kind switch
        {
            "latest" => await feeds.LatestAsync(viewer, cursor, cancellationToken),
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
}
