using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;

namespace Vermilion.Community.Notes;

/// <summary>Deletes a note (its author only). The row stays, marked deleted, so ids in orders and reports still resolve.</summary>
internal sealed class DeleteNoteHandler(CommunityDb db, NoteRowCache rows, NotePublication publication, SeriesNotesHandler series, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<bool>> HandleAsync(long userId, long noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId && n.Status != NoteStatus.Deleted, cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["community.note.not_found"]);
        }

        if (note.AuthorId != userId)
        {
            return await Visibility.NotYoursAsync(db, noteId, userId, clock.GetUtcNow(), text, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (note.Status == NoteStatus.Published)
        {
            await publication.WithdrawAsync(note, cancellationToken);
        }

        note.Status = NoteStatus.Deleted;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        if (await db.SeriesNotes.AsNoTracking().FirstOrDefaultAsync(n => n.NoteId == noteId, cancellationToken) is { } membership)
        {
            await series.RemoveAsync(userId, membership.SeriesId, noteId, cancellationToken);
        }

        return true;
    }
}
