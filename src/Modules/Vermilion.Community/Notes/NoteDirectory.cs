using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>
/// Notes for other modules, through the same visibility rule every page uses. Single notes are asked on every
/// note page (the products beside it, say), so they are read through the row cache and the reader's ties in memory.
/// </summary>
internal sealed class NoteDirectory(CommunityDb db, NoteRowCache rows, Feeds.Following.TimelineCache timelines, TimeProvider clock) : INoteDirectory
{
    public async Task<NoteSummary?> FindVisibleAsync(long noteId, long? viewer, CancellationToken cancellationToken) =>
        (await FindVisibleManyAsync([noteId], viewer, cancellationToken)).GetValueOrDefault(noteId);

    public async Task<IReadOnlyDictionary<long, NoteSummary>> FindVisibleManyAsync(IReadOnlyCollection<long> noteIds, long? viewer, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return new Dictionary<long, NoteSummary>();
        }

        var found = await rows.GetAsync(db, [.. noteIds.Distinct()], cancellationToken);
        var graph = viewer is { } reader ? await timelines.GraphAsync(db, reader, cancellationToken) : null;
        var now = clock.GetUtcNow();
        return found.Values.Where(n => Visibility.Allows(n, viewer, graph, now)).ToDictionary(n => n.Id, n => new NoteSummary(n.Id, ShortId.Encode(n.Id), n.AuthorId, NoteNames.CardTitle(n), NoteNames.CoverUrl(n), n.PublishAt));
    }

    public async Task<IReadOnlyList<NoteSummary>> ByAuthorAsync(long authorId, long? viewer, int count, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => n.AuthorId == authorId)
            .OrderByDescending(n => n.PublishAt).Take(Math.Clamp(count, 1, 100)).ToListAsync(cancellationToken);
        return [.. notes.Select(n => new NoteSummary(n.Id, ShortId.Encode(n.Id), n.AuthorId, NoteNames.CardTitle(n), NoteNames.CoverUrl(n), n.PublishAt))];
    }
}
