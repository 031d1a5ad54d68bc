using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Boards;

/// <summary>Collect a note into a board (the default one unless named), or into a new board made on the spot.</summary>
public sealed record CollectRequest(string? BoardId = null, string? NewBoardName = null, bool NewBoardPrivate = false);

public sealed record CollectState(bool Collected, int CollectCount, string? BoardId);

internal sealed class CollectHandler(CommunityDb db, NoteRowCache rows, CollectedNotes collected, BoardHandler boards, TimeProvider clock, OutboxWriter outbox, IStringLocalizer text)
{
    public async Task<Outcome<CollectState>> CollectAsync(long userId, long noteId, CollectRequest request, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().VisibleTo(db, userId, clock.GetUtcNow()).Where(n => n.Id == noteId)
            .Select(n => new { n.AuthorId }).FirstOrDefaultAsync(cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        long boardId;
        if (!string.IsNullOrWhiteSpace(request.NewBoardName))
        {
            var created = await boards.CreateAsync(userId, new BoardRequest(request.NewBoardName, request.NewBoardPrivate), cancellationToken);
            if (!created.Succeeded)
            {
                return created.Failure!;
            }

            boardId = ShortId.TryDecode(created.Value!.Id, out var id) ? id : 0;
        }
        else if (request.BoardId is not null)
        {
            if (!ShortId.TryDecode(request.BoardId, out boardId) || !await db.Boards.AnyAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken))
            {
                return Failure.Invalid("boardId", text["community.board.not_found"]);
            }
        }
        else
        {
            boardId = await boards.DefaultBoardAsync(userId, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_board_items (board_id, note_id, user_id, created_at) VALUES ({boardId}, {noteId}, {userId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            await db.Boards.Where(b => b.Id == boardId).ExecuteUpdateAsync(u => u.SetProperty(b => b.NoteCount, b => b.NoteCount + 1), cancellationToken);
            db.OutboxMessages.Add(outbox.Wrap(new NoteCollected(noteId, note.AuthorId, userId, boardId)));
            await db.SaveChangesAsync(cancellationToken);
            await NoteCounters.MoveAsync(db, noteId, note.AuthorId, NoteCounter.Collects, 1, cancellationToken);
        }
        else
        {
            // Already collected: collecting into another board moves it there.
            var current = await db.BoardItems.Where(i => i.UserId == userId && i.NoteId == noteId).Select(i => i.BoardId).FirstAsync(cancellationToken);
            if (current != boardId)
            {
                await db.BoardItems.Where(i => i.UserId == userId && i.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
                db.BoardItems.Add(new BoardItem { BoardId = boardId, NoteId = noteId, UserId = userId, CreatedAt = clock.GetUtcNow() });
                await db.Boards.Where(b => b.Id == current).ExecuteUpdateAsync(u => u.SetProperty(b => b.NoteCount, b => b.NoteCount - 1), cancellationToken);
                await db.Boards.Where(b => b.Id == boardId).ExecuteUpdateAsync(u => u.SetProperty(b => b.NoteCount, b => b.NoteCount + 1), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        collected.Forget(userId);
        return await StateAsync(userId, noteId, cancellationToken);
    }

    public async Task<Outcome<CollectState>> UncollectAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var authorId = await db.Notes.Where(n => n.Id == noteId && n.Status != NoteStatus.Deleted).Select(n => (long?)n.AuthorId).FirstOrDefaultAsync(cancellationToken);
        // Someone who collected a note that has since become hidden from them may still take it out of their boards.
        if (authorId is null || (!await Visibility.CanSeeAsync(db, noteId, userId, clock.GetUtcNow(), cancellationToken)
            && !await db.BoardItems.AnyAsync(i => i.UserId == userId && i.NoteId == noteId, cancellationToken)))
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var boardId = await db.BoardItems.Where(i => i.UserId == userId && i.NoteId == noteId).Select(i => (long?)i.BoardId).FirstOrDefaultAsync(cancellationToken);
        var removed = await db.BoardItems.Where(i => i.UserId == userId && i.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            await db.Boards.Where(b => b.Id == boardId).ExecuteUpdateAsync(u => u.SetProperty(b => b.NoteCount, b => b.NoteCount - 1), cancellationToken);
            db.OutboxMessages.Add(outbox.Wrap(new NoteUncollected(noteId, authorId.Value, userId)));
            await db.SaveChangesAsync(cancellationToken);
            await NoteCounters.MoveAsync(db, noteId, authorId.Value, NoteCounter.Collects, -1, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        collected.Forget(userId);
        return await StateAsync(userId, noteId, cancellationToken);
    }

    private async Task<Outcome<CollectState>> StateAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var count = await db.Notes.Where(n => n.Id == noteId).Select(n => n.CollectCount).FirstAsync(cancellationToken);
        var board = await db.BoardItems.Where(i => i.UserId == userId && i.NoteId == noteId).Select(i => (long?)i.BoardId).FirstOrDefaultAsync(cancellationToken);
        return new CollectState(board is not null, count, board is { } b ? ShortId.Encode(b) : null);
    }
}
