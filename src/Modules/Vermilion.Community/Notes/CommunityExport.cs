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

    public async Task<IReadOnlyList<InteractionRecord>> InteractionsAsync(DateTimeOffset since, int skip, int count, CancellationToken cancellationToken)
    {
        var likes = db.Likes.Where(l => l.CreatedAt >= since).Select(l => new { l.UserId, l.NoteId, Kind = "like", At = l.CreatedAt });
        var collects = db.BoardItems.Where(i => i.CreatedAt >= since).Select(i => new { i.UserId, i.NoteId, Kind = "collect", At = i.CreatedAt });
        var comments = db.Comments.Where(c => c.CreatedAt >= since && c.DeletedAt == null).Select(c => new { UserId = c.AuthorId, c.NoteId, Kind = "comment", At = c.CreatedAt });
        var rows = await likes.Concat(collects).Concat(comments)
            .OrderBy(r => r.At).ThenBy(r => r.UserId).ThenBy(r => r.NoteId).ThenBy(r => r.Kind)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(count, 1, 100_000)).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new InteractionRecord(r.UserId, r.NoteId, r.Kind, r.At))];
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
