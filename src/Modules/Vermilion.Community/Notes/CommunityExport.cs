using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Notes;

/// <summary>The community's notes and interactions in bulk, for modules that keep a derived copy.</summary>
internal sealed class CommunityExport(CommunityDb db, TimeProvider clock) : ICommunityExport
{
    public async Task<NoteRecord?> NoteAsync(long noteId, CancellationToken cancellationToken) =>
        await RecordsAsync(db.Notes.Where(n => n.Id == noteId), cancellationToken) is [var record] ? record : null;

    public async Task<IReadOnlyList<NoteRecord>> NotesAfterAsync(long afterId, int count, CancellationToken cancellationToken) =>
        await RecordsAsync(db.Notes.Where(n => n.Id > afterId).OrderBy(n => n.Id).Take(Math.Clamp(count, 1, 10_000)), cancellationToken);

    public async Task<InteractionPage> InteractionsAsync(string kind, InteractionPosition? after, int count, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(count, 1, 100_000);
        var (first, second) = after is null ? (long.MinValue, long.MinValue) : (after.First, after.Second);
        List<InteractionRecord> rows;
        switch (kind)
        {
            case InteractionKinds.Like:
                // The primary key (note, person).
                rows = await db.Likes.AsNoTracking()
                    .Where(l => l.NoteId > first || (l.NoteId == first && l.UserId > second))
                    .OrderBy(l => l.NoteId).ThenBy(l => l.UserId).Take(take)
                    .Select(l => new InteractionRecord(l.UserId, l.NoteId, InteractionKinds.Like, l.CreatedAt)).ToListAsync(cancellationToken);
                return Page(rows, take, r => new InteractionPosition(r.NoteId, r.UserId));
            case InteractionKinds.Collect:
                // The unique index (person, note): a note collected into two boards counts once.
                rows = await db.BoardItems.AsNoTracking()
                    .Where(i => i.UserId > first || (i.UserId == first && i.NoteId > second))
                    .OrderBy(i => i.UserId).ThenBy(i => i.NoteId).Take(take)
                    .Select(i => new InteractionRecord(i.UserId, i.NoteId, InteractionKinds.Collect, i.CreatedAt)).ToListAsync(cancellationToken);
                return Page(rows, take, r => new InteractionPosition(r.UserId, r.NoteId));
            case InteractionKinds.Comment:
                var comments = await db.Comments.AsNoTracking().Where(c => c.Id > first).OrderBy(c => c.Id).Take(take)
                    .Select(c => new { c.Id, c.AuthorId, c.NoteId, c.CreatedAt, Deleted = c.DeletedAt != null }).ToListAsync(cancellationToken);
                var next = comments.Count < take ? null : new InteractionPosition(comments[^1].Id, 0);
                return new InteractionPage([.. comments.Where(c => !c.Deleted).Select(c => new InteractionRecord(c.AuthorId, c.NoteId, InteractionKinds.Comment, c.CreatedAt))], next);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "like, collect or comment");
        }

        static InteractionPage Page(List<InteractionRecord> rows, int take, Func<InteractionRecord, InteractionPosition> key) =>
            new(rows, rows.Count < take ? null : key(rows[^1]));
    }

    private async Task<IReadOnlyList<NoteRecord>> RecordsAsync(IQueryable<Note> query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var notes = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = notes.Select(n => n.Id).ToList();
        var topics = (await db.NoteTopics.AsNoTracking().Where(t => ids.Contains(t.NoteId)).ToListAsync(cancellationToken))
            .GroupBy(t => t.NoteId).ToDictionary(g => g.Key, g => g.Select(t => t.Topic).ToList());
        return [.. notes.Select(n => new NoteRecord(
            n.Id, n.AuthorId, NoteNames.TypeName(n.Type), n.Title, n.Body, topics.GetValueOrDefault(n.Id) ?? [], n.City, n.Place,
            n.Latitude, n.Longitude, NoteNames.PrivacyName(n.Privacy), n.IsVisibleNow(now), n.PublishAt, n.LikeCount, n.CollectCount, n.CommentCount))];
    }
}
