using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Feeds.Following;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Paging;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Feeds;

/// <summary>
/// Lists of notes, newest first, paged by a (publish time, id) keyset cursor so pages stay stable while new
/// notes arrive: the latest feed, the following feed, a person's notes, likes and collections, a topic.
/// </summary>
internal sealed class FeedQueries(CommunityDb db, NoteQueries notes, FollowingFeed following, NewestNotes newest, NoteRowCache rows, TimeProvider clock)
{
    public const int PageSize = 20;

    public Task<Page<NoteCard>> LatestAsync(long? viewer, string? cursor, CancellationToken cancellationToken) =>
        viewer is null && cursor is null ? NewestAsync(cancellationToken)
        : PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()), viewer, cursor, cancellationToken);

    /// <summary>The first page of the newest public notes for an anonymous reader, from the list they all share.</summary>
    private async Task<Page<NoteCard>> NewestAsync(CancellationToken cancellationToken)
    {
        var ids = await newest.IdsAsync(async () => await db.Notes.AsNoTracking().VisibleTo(db, null, clock.GetUtcNow())
            .OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id).Select(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken));
        var found = await rows.GetAsync(db, ids, cancellationToken);
        var now = clock.GetUtcNow();
        var listed = ids.Select(found.GetValueOrDefault).OfType<Note>().Where(n => Visibility.Allows(n, null, null, now)).ToList();
        var shown = listed.Take(PageSize).ToList();
        return await CardsPageAsync(shown, ids.Count > PageSize && shown.Count > 0, null, cancellationToken);
    }

    /// <summary>
    /// The newest notes of the people the viewer follows: from the in-memory timelines when they can answer, else
    /// from the database, written as a join from the follows (not a filter on the notes) so the planner reads the
    /// followed creators' notes through the author index instead of walking every note to find the few that qualify.
    /// </summary>
    public async Task<Page<NoteCard>> FollowingAsync(long viewer, string? cursor, CancellationToken cancellationToken) =>
        await following.PageAsync(viewer, Cursor.TryDecode(cursor, out var after) ? after : null, PageSize, cancellationToken)
        ?? await PageAsync(
            from follow in db.Follows
            where follow.FollowerId == viewer
            join note in db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()) on follow.FolloweeId equals note.AuthorId
            select note,
            viewer, cursor, cancellationToken);

    public Task<Page<NoteCard>> ByAuthorAsync(long authorId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => n.AuthorId == authorId), viewer, cursor, cancellationToken);

    /// <summary>The author's own drafts and scheduled notes (草稿箱), newest first; nobody else's.</summary>
    public Task<Page<NoteCard>> DraftsAsync(long authorId, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.Where(n => n.AuthorId == authorId && (n.Status == NoteStatus.Draft || n.Status == NoteStatus.Scheduled || n.Status == NoteStatus.Processing)), authorId, cursor, cancellationToken);

    public Task<Page<NoteCard>> LikedByAsync(long userId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => db.Likes.Any(l => l.UserId == userId && l.NoteId == n.Id)), viewer, cursor, cancellationToken);

    public Task<Page<NoteCard>> CollectedByAsync(long userId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => db.BoardItems.Any(i => i.UserId == userId && i.NoteId == n.Id)), viewer, cursor, cancellationToken);

    public Task<Page<NoteCard>> InBoardAsync(long boardId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => db.BoardItems.Any(i => i.BoardId == boardId && i.NoteId == n.Id)), viewer, cursor, cancellationToken);

    public Task<Page<NoteCard>> TopicLatestAsync(string topic, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(db.Notes.VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => db.NoteTopics.Any(t => t.Topic == topic && t.NoteId == n.Id)), viewer, cursor, cancellationToken);

    /// <summary>A topic's hot notes: the most liked and collected of the last 30 days (one page, no cursor).</summary>
    public async Task<IReadOnlyList<NoteCard>> TopicHotAsync(string topic, long? viewer, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-30);
        var rows = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow())
            .Where(n => n.PublishAt >= since && db.NoteTopics.Any(t => t.Topic == topic && t.NoteId == n.Id))
            .OrderByDescending(n => n.LikeCount + n.CollectCount + n.CommentCount).ThenByDescending(n => n.Id)
            .Take(PageSize).ToListAsync(cancellationToken);
        return await notes.CardsAsync(rows, viewer, cancellationToken);
    }

    private async Task<Page<NoteCard>> PageAsync(IQueryable<Note> query, long? viewer, string? cursor, CancellationToken cancellationToken)
    {
        if (Cursor.TryDecode(cursor, out var after))
        {
            var at = new DateTimeOffset(after.Key, TimeSpan.Zero);
            query = query.Where(n => n.PublishAt < at || (n.PublishAt == at && n.Id < after.Id));
        }

        var rows = await query.AsNoTracking().OrderByDescending(n => n.PublishAt).ThenByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        return await CardsPageAsync(rows, more, viewer, cancellationToken);
    }

    /// <summary>A page of the notes' cards; with more to come, the cursor points after its last note.</summary>
    private async Task<Page<NoteCard>> CardsPageAsync(List<Note> rows, bool more, long? viewer, CancellationToken cancellationToken)
    {
        var cards = await notes.CardsAsync(rows, viewer, cancellationToken);
        var next = more ? new Cursor(rows[^1].PublishAt.UtcTicks, rows[^1].Id).Encode() : null;
        return new Page<NoteCard>(cards, next);
    }
}
