using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>Notes for other modules, through the same visibility rule every page uses.</summary>
internal sealed class NoteDirectory(CommunityDb db, TimeProvider clock) : INoteDirectory
{
    public async Task<NoteSummary?> FindVisibleAsync(long noteId, long? viewer, CancellationToken cancellationToken) =>
        (await FindVisibleManyAsync([noteId], viewer, cancellationToken)).GetValueOrDefault(noteId);

    public async Task<IReadOnlyDictionary<long, NoteSummary>> FindVisibleManyAsync(IReadOnlyCollection<long> noteIds, long? viewer, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return new Dictionary<long, NoteSummary>();
        }

        var ids = noteIds.Distinct().ToList();
        var notes = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        return notes.ToDictionary(n => n.Id, n => new NoteSummary(n.Id, ShortId.Encode(n.Id), n.AuthorId, NoteNames.CardTitle(n), NoteNames.CoverUrl(n), n.PublishAt));
    }

    public async Task<IReadOnlyList<NoteSummary>> ByAuthorAsync(long authorId, long? viewer, int count, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => n.AuthorId == authorId)
            .OrderByDescending(n => n.PublishAt).Take(Math.Clamp(count, 1, 100)).ToListAsync(cancellationToken);
        return [.. notes.Select(n => new NoteSummary(n.Id, ShortId.Encode(n.Id), n.AuthorId, NoteNames.CardTitle(n), NoteNames.CoverUrl(n), n.PublishAt))];
    }
}
