using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Comments;

public sealed record CommentView(
    string Id,
    UserSummary Author,
    string Body,
    string? ImageUrl,
    int LikeCount,
    bool Liked,
    int ReplyCount,
    DateTimeOffset CreatedAt,
    UserSummary? ReplyTo,
    bool Pinned,
    bool ByNoteAuthor,
    IReadOnlyList<CommentView> Replies);

/// <summary>A note's comment thread: top-level comments by hot or latest, the pinned one first, two replies each.</summary>
internal sealed class CommentQueries(CommunityDb db, IUserDirectory users, SharedNotes shared, DatabaseSettings settings, TimeProvider clock)
{
    private const string SqliteLiked = "SELECT comment_id FROM community_comment_likes WHERE user_id = $viewer AND comment_id IN (SELECT value FROM json_each($ids))";
    private const string PostgresLiked = "SELECT comment_id FROM community_comment_likes WHERE user_id = @viewer AND comment_id = ANY(@ids)";
    private const string SqliteLikers = "SELECT DISTINCT user_id FROM community_comment_likes WHERE comment_id IN (SELECT value FROM json_each($ids))";
    private const string PostgresLikers = "SELECT DISTINCT user_id FROM community_comment_likes WHERE comment_id = ANY(@ids)";

    /// <summary>Up to this many likes on a shared page's comments, their likers are kept with it.</summary>
    private const int LikersKept = 20_000;

    public const int PageSize = 20;
    public const int RepliesShown = 2;
    public const string Hot = "hot";
    public const string Latest = "latest";

    public async Task<Page<CommentView>?> ThreadAsync(long noteId, long? viewer, string sort, string? cursor, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => n.Id == noteId)
            .Select(n => new { n.AuthorId, n.PinnedCommentId }).FirstOrDefaultAsync(cancellationToken);
        return note is null ? null : await ReadAsync(noteId, note.AuthorId, note.PinnedCommentId, viewer, sort, cursor, cancellationToken);
    }

    /// <summary>
    /// The first page of the thread on a note's page, for a reader the page already let see the note: the page
    /// every reader shares (<see cref="SharedNotes"/>), less the comments a block hides from this reader, with the
    /// ones they liked marked.
    /// </summary>
    public async Task<ReaderThread> FirstPageAsync(SharedNote note, long? viewer, IReadOnlySet<long> blocked, string sort, CancellationToken cancellationToken)
    {
        sort = sort == Latest ? Latest : Hot;
        var thread = await shared.ThreadAsync(note.Row.Id, sort, () => SharedThreadAsync(note.Row, sort, cancellationToken));
        var page = thread.Page;
        var shareKey = $"{note.Row.Id}:{sort}:{thread.Version}:{(viewer is null ? "anonymous" : "reader")}";
        if (viewer is not { } me || page.Items.Count == 0)
        {
            return new ReaderThread(page, shareKey);
        }

        var liked = thread.Likers is { } likers && !likers.Contains(me) ? [] : (await RawIds.ReadAsync(db, settings.IsSqlite ? SqliteLiked : PostgresLiked, cancellationToken,
            ("viewer", me), IdsArgument(PageIds(page)))).ToHashSet();
        var everyone = page.Items.SelectMany(c => c.Replies.Prepend(c)).ToList();
        var own = me == note.Row.AuthorId || everyone.Any(c => c.Author.Id == me);
        if (liked.Count == 0 && !own && !everyone.Any(c => blocked.Contains(c.Author.Id)))
        {
            return new ReaderThread(page, shareKey);
        }

        CommentView Mine(CommentView c) => liked.Contains(IdOf(c)) ? c with { Liked = true } : c;
        var items = page.Items.Where(c => !blocked.Contains(c.Author.Id))
            .Select(c => Mine(c) with { Replies = [.. c.Replies.Where(r => !blocked.Contains(r.Author.Id)).Select(Mine)] })
            .ToList();
        return new ReaderThread(new Page<CommentView>(items, page.Next), null);
    }

    private async Task<SharedThread> SharedThreadAsync(Note note, string sort, CancellationToken cancellationToken)
    {
        var page = await ReadAsync(note.Id, note.AuthorId, note.PinnedCommentId, null, sort, null, cancellationToken);
        var likes = page.Items.SelectMany(c => c.Replies.Prepend(c)).Sum(c => (long)c.LikeCount);
        var likers = page.Items.Count == 0 || likes > LikersKept ? null
            : (await RawIds.ReadAsync(db, settings.IsSqlite ? SqliteLikers : PostgresLikers, cancellationToken, IdsArgument(PageIds(page)))).ToHashSet();
        return new SharedThread(page, likers);
    }

    private static List<long> PageIds(Page<CommentView> page) => [.. page.Items.SelectMany(c => c.Replies.Prepend(c)).Select(IdOf)];

    private (string Name, object Value) IdsArgument(List<long> ids) => ("ids", RawIds.List(settings, ids));

    private static long IdOf(CommentView comment) => ShortId.TryDecode(comment.Id, out var id) ? id : 0;

    private async Task<Page<CommentView>> ReadAsync(long noteId, long noteAuthorId, long? pinnedCommentId, long? viewer, string sort, string? cursor, CancellationToken cancellationToken)
    {
        var hot = sort != Latest;
        var query = db.Comments.AsNoTracking().Where(c => c.NoteId == noteId && c.ParentId == null && c.DeletedAt == null && c.Id != pinnedCommentId);
        if (viewer is { } me)
        {
            query = query.Where(c => !db.Blocks.Any(b => (b.BlockerId == me && b.BlockedId == c.AuthorId) || (b.BlockerId == c.AuthorId && b.BlockedId == me)));
        }

        var first = !Cursor.TryDecode(cursor, out var after);
        if (!first)
        {
            query = hot
                ? query.Where(c => c.LikeCount < after.Key || (c.LikeCount == after.Key && c.Id < after.Id))
                : query.Where(c => c.Id < after.Id);
        }

        var rows = await (hot ? query.OrderByDescending(c => c.LikeCount).ThenByDescending(c => c.Id) : query.OrderByDescending(c => c.Id))
            .Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        string? next = more ? new Cursor(hot ? rows[^1].LikeCount : 0, rows[^1].Id).Encode() : null;
        if (first && pinnedCommentId is { } pinnedId
            && await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pinnedId && c.DeletedAt == null, cancellationToken) is { } pinned)
        {
            rows.Insert(0, pinned);
        }

        var replies = new List<Comment>();
        foreach (var parent in rows.Where(r => r.ReplyCount > 0))
        {
            replies.AddRange(await db.Comments.AsNoTracking().Where(c => c.ParentId == parent.Id && c.DeletedAt == null)
                .OrderBy(c => c.Id).Take(RepliesShown).ToListAsync(cancellationToken));
        }

        var views = await ViewsAsync(rows, replies, noteAuthorId, pinnedCommentId, viewer, cancellationToken);
        return new Page<CommentView>(views, next);
    }

    public Task<long?> NoteAuthorAsync(long noteId, CancellationToken cancellationToken) =>
        db.Notes.Where(n => n.Id == noteId).Select(n => (long?)n.AuthorId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The note a comment is on and that note's author, for rendering the comment's actions.</summary>
    public async Task<(long NoteId, long NoteAuthorId)?> NoteOfAsync(long commentId, CancellationToken cancellationToken)
    {
        var noteId = await db.Comments.Where(c => c.Id == commentId).Select(c => (long?)c.NoteId).FirstOrDefaultAsync(cancellationToken);
        var author = noteId is null ? null : await db.Notes.Where(n => n.Id == noteId).Select(n => (long?)n.AuthorId).FirstOrDefaultAsync(cancellationToken);
        return noteId is { } n && author is { } a ? (n, a) : null;
    }

    public async Task<Page<CommentView>?> RepliesAsync(long parentId, long? viewer, string? cursor, CancellationToken cancellationToken)
    {
        var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId && c.DeletedAt == null && c.ParentId == null, cancellationToken);
        var noteAuthor = parent is null ? null
            : await db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow()).Where(n => n.Id == parent.NoteId).Select(n => (long?)n.AuthorId).FirstOrDefaultAsync(cancellationToken);
        if (parent is null || noteAuthor is null)
        {
            return null;
        }

        var query = db.Comments.AsNoTracking().Where(c => c.ParentId == parentId && c.DeletedAt == null);
        if (Cursor.TryDecode(cursor, out var after))
        {
            query = query.Where(c => c.Id > after.Id);
        }

        var rows = await query.OrderBy(c => c.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        var views = await ViewsAsync(rows, [], noteAuthor.Value, null, viewer, cancellationToken);
        return new Page<CommentView>(views, more ? new Cursor(0, rows[^1].Id).Encode() : null);
    }

    private async Task<List<CommentView>> ViewsAsync(List<Comment> top, List<Comment> replies, long noteAuthorId, long? pinnedId, long? viewer, CancellationToken cancellationToken)
    {
        var all = top.Concat(replies).ToList();
        var people = all.Select(c => c.AuthorId).Concat(all.Where(c => c.ReplyToUserId.HasValue).Select(c => c.ReplyToUserId!.Value)).Distinct().ToList();
        var summaries = await users.FindManyAsync(people, cancellationToken);
        var ids = all.Select(c => c.Id).ToList();
        var me = viewer ?? 0;
        var liked = viewer is null ? [] : (await db.CommentLikes.Where(l => l.UserId == me && ids.Contains(l.CommentId)).Select(l => l.CommentId).ToListAsync(cancellationToken)).ToHashSet();
        UserSummary Person(long id) => summaries.GetValueOrDefault(id) ?? NoteNames.Unknown(id);
        CommentView View(Comment c, IReadOnlyList<CommentView> children) => new(
            ShortId.Encode(c.Id), Person(c.AuthorId), c.Body, c.ImageKey is null ? null : "/media/" + c.ImageKey, c.LikeCount, liked.Contains(c.Id),
            c.ReplyCount, c.CreatedAt, c.ReplyToUserId is { } r && c.ParentId is not null ? Person(r) : null, c.Id == pinnedId, c.AuthorId == noteAuthorId, children);
        return [.. top.Select(t => View(t, [.. replies.Where(r => r.ParentId == t.Id).Select(r => View(r, []))]))];
    }
}
