using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Likes;

/// <summary>The state of a note's like for the person who asked.</summary>
public sealed record LikeState(bool Liked, int LikeCount);

/// <summary>
/// Like and unlike: the row is inserted (or deleted) only if absent (present), and the note's and author's
/// counters move in the same transaction, so 1,000 people liking at once give exactly 1,000.
/// </summary>
internal sealed class LikeHandler(CommunityDb db, NoteRowCache rows, LikedNotes likes, TimeProvider clock, OutboxWriter outbox, IStringLocalizer text)
{
    public async Task<Outcome<LikeState>> LikeAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().VisibleTo(db, userId, clock.GetUtcNow()).Where(n => n.Id == noteId)
            .Select(n => new { n.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_likes (note_id, user_id, created_at) VALUES ({noteId}, {userId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            db.OutboxMessages.Add(outbox.Wrap(new NoteLiked(noteId, note.AuthorId, userId)));
            await db.SaveChangesAsync(cancellationToken);
            await NoteCounters.MoveAsync(db, noteId, note.AuthorId, NoteCounter.Likes, 1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        likes.Forget(userId);
        return await StateAsync(userId, noteId, cancellationToken);
    }

    public async Task<Outcome<LikeState>> UnlikeAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var authorId = await db.Notes.Where(n => n.Id == noteId && n.Status != NoteStatus.Deleted).Select(n => (long?)n.AuthorId).FirstOrDefaultAsync(cancellationToken);
        // Someone who liked a note that has since become hidden from them may still take the like back.
        if (authorId is null || (!await Visibility.CanSeeAsync(db, noteId, userId, clock.GetUtcNow(), cancellationToken)
            && !await db.Likes.AnyAsync(l => l.NoteId == noteId && l.UserId == userId, cancellationToken)))
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.Likes.Where(l => l.NoteId == noteId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            db.OutboxMessages.Add(outbox.Wrap(new NoteUnliked(noteId, authorId.Value, userId)));
            await db.SaveChangesAsync(cancellationToken);
            await NoteCounters.MoveAsync(db, noteId, authorId.Value, NoteCounter.Likes, -1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        likes.Forget(userId);
        return await StateAsync(userId, noteId, cancellationToken);
    }

    public async Task<Outcome<bool>> NotInterestedAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        if (!await Visibility.CanSeeAsync(db, noteId, userId, clock.GetUtcNow(), cancellationToken))
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_not_interested (user_id, note_id, created_at) VALUES ({userId}, {noteId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            db.OutboxMessages.Add(outbox.Wrap(new NoteMarkedNotInterested(noteId, userId)));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<Outcome<LikeState>> StateAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var count = await db.Notes.Where(n => n.Id == noteId).Select(n => n.LikeCount).FirstAsync(cancellationToken);
        var liked = await db.Likes.AnyAsync(l => l.NoteId == noteId && l.UserId == userId, cancellationToken);
        return new LikeState(liked, count);
    }
}
