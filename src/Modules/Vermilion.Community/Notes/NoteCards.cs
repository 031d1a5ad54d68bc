using Vermilion.Community.Contracts;
using Vermilion.Community.Feeds.Following;

namespace Vermilion.Community.Notes;

/// <summary>
/// Cards for other modules' lists (the discovery feed, search), through the same visibility rule and card builder
/// the community's own feeds use, from the row and reader caches.
/// </summary>
internal sealed class NoteCards(CommunityDb db, NoteRowCache rows, TimelineCache timelines, NoteQueries notes, TimeProvider clock) : INoteCards
{
    public async Task<IReadOnlyList<NoteCard>> CardsAsync(IReadOnlyList<long> noteIds, long? viewer, IReadOnlyDictionary<long, string>? reasons, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        var ids = noteIds.Distinct().ToList();
        var found = await rows.GetAsync(db, ids, cancellationToken);
        var graph = viewer is { } me ? await timelines.GraphAsync(db, me, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var ordered = ids.Select(found.GetValueOrDefault).OfType<Note>().Where(n => Visibility.Allows(n, viewer, graph, now)).ToList();
        return await notes.CardsAsync(ordered, viewer, cancellationToken, reasons is null ? null : n => reasons.GetValueOrDefault(n.Id));
    }
}
