using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;

namespace Vermilion.Community.Comments;

/// <summary>Delete (by its author or the note's), pin (by the note's author), and like a comment.</summary>
internal sealed class ManageCommentHandler(CommunityDb db, NoteRowCache rows, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<bool>> DeleteAsync(long userId, long commentId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(commentId, cancellationToken);
        if (found is not { } f)
        {
            return new Failure(FailureKind.NotFound, text["community.comment.not_found"]);
        }

        if (f.Comment.AuthorId != userId && f.NoteAuthorId != userId)
        {
            return new Failure(FailureKind.Forbidden, text["community.comment.not_yours"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Comments.Where(c => c.Id == commentId && c.DeletedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeletedAt, clock.GetUtcNow()), cancellationToken);
        if (removed == 1)
        {
            await db.Notes.Where(n => n.Id == f.Comment.NoteId).ExecuteUpdateAsync(u => u.SetProperty(n => n.CommentCount, n => n.CommentCount - 1), cancellationToken);
            if (f.Comment.ParentId is { } parent)
            {
                await db.Comments.Where(c => c.Id == parent).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReplyCount, c => c.ReplyCount - 1), cancellationToken);
            }

            await db.Notes.Where(n => n.Id == f.Comment.NoteId && n.PinnedCommentId == commentId)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.PinnedCommentId, (long?)null), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(f.Comment.NoteId);
        return true;
    }

    public async Task<Outcome<bool>> PinAsync(long userId, long commentId, bool pin, CancellationToken cancellationToken)
    {
        var found = await FindAsync(commentId, cancellationToken);
        if (found is not { } f)
        {
            return new Failure(FailureKind.NotFound, text["community.comment.not_found"]);
        }

        if (f.NoteAuthorId != userId)
        {
            return new Failure(FailureKind.Forbidden, text["community.comment.pin_not_yours"]);
        }

        if (f.Comment.ParentId is not null)
        {
            return Failure.Invalid("id", text["community.comment.pin_reply"]);
        }

        await db.Notes.Where(n => n.Id == f.Comment.NoteId)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.PinnedCommentId, pin ? commentId : null), cancellationToken);
        rows.Forget(f.Comment.NoteId);
        return pin;
    }

    public async Task<Outcome<int>> LikeAsync(long userId, long commentId, bool like, CancellationToken cancellationToken)
    {
        if (await FindAsync(commentId, cancellationToken) is not { } f)
        {
            return new Failure(FailureKind.NotFound, text["community.comment.not_found"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = like
            ? await db.Database.ExecuteSqlAsync($"INSERT INTO community_comment_likes (comment_id, user_id) VALUES ({commentId}, {userId}) ON CONFLICT DO NOTHING", cancellationToken)
            : await db.CommentLikes.Where(l => l.CommentId == commentId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (changed == 1)
        {
            var delta = like ? 1 : -1;
            await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(u => u.SetProperty(c => c.LikeCount, c => c.LikeCount + delta), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(f.Comment.NoteId);
        return await db.Comments.Where(c => c.Id == commentId).Select(c => c.LikeCount).FirstAsync(cancellationToken);
    }

    private async Task<(Comment Comment, long NoteAuthorId)?> FindAsync(long commentId, CancellationToken cancellationToken)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.DeletedAt == null)
            .Join(db.Notes, c => c.NoteId, n => n.Id, (c, n) => new { Comment = c, n.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Comment, row.AuthorId);
    }
}
