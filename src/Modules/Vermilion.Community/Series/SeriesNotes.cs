using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Series;

/// <summary>
/// Puts the owner's notes into a series, takes them out, and orders them. A note sits in one series at most:
/// adding it to another moves it. Positions are rewritten densely (1, 2, 3, ...) on every change.
/// </summary>
internal sealed class SeriesNotesHandler(CommunityDb db, ManageSeriesHandler series, NoteRowCache rows, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<bool>> AddAsync(long userId, long seriesId, long noteId, CancellationToken cancellationToken)
    {
        var target = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series.Refusal(target, userId) is { } refusal)
        {
            return refusal;
        }

        if (!await db.Notes.AnyAsync(n => n.Id == noteId && n.AuthorId == userId && n.Status != NoteStatus.Deleted, cancellationToken))
        {
            return Failure.Invalid("noteId", text["community.series.note_not_yours"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.SeriesNotes.FirstOrDefaultAsync(n => n.NoteId == noteId, cancellationToken);
        if (current?.SeriesId == seriesId)
        {
            return true;
        }

        var members = await db.SeriesNotes.Where(n => n.SeriesId == seriesId).CountAsync(cancellationToken);
        if (members >= NoteSeries.NotesMax)
        {
            return Failure.Invalid("noteId", text["community.series.full", NoteSeries.NotesMax]);
        }

        if (current is not null)
        {
            db.SeriesNotes.Remove(current);
            await db.SaveChangesAsync(cancellationToken);
            await RenumberAsync(current.SeriesId, cancellationToken);
        }

        db.SeriesNotes.Add(new SeriesNote { SeriesId = seriesId, NoteId = noteId, Position = members + 1 });
        await db.SaveChangesAsync(cancellationToken);
        await RenumberAsync(seriesId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await series.ForgetPagesAsync(seriesId, cancellationToken);
        if (current is not null)
        {
            await series.ForgetPagesAsync(current.SeriesId, cancellationToken);
        }

        return true;
    }

    public async Task<Outcome<bool>> RemoveAsync(long userId, long seriesId, long noteId, CancellationToken cancellationToken)
    {
        var target = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series.Refusal(target, userId) is { } refusal)
        {
            return refusal;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.SeriesNotes.Where(n => n.SeriesId == seriesId && n.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return new Failure(FailureKind.NotFound, text["community.series.note_not_in"]);
        }

        await RenumberAsync(seriesId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        rows.Forget(noteId);
        await series.ForgetPagesAsync(seriesId, cancellationToken);
        return true;
    }

    public async Task<Outcome<bool>> ReorderAsync(long userId, long seriesId, IReadOnlyList<string> noteIds, CancellationToken cancellationToken)
    {
        var target = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series.Refusal(target, userId) is { } refusal)
        {
            return refusal;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var members = await db.SeriesNotes.Where(n => n.SeriesId == seriesId).ToListAsync(cancellationToken);
        var order = noteIds.Select(id => ShortId.TryDecode(id, out var value) ? value : -1).ToList();
        if (order.Count != members.Count || order.Distinct().Count() != order.Count || !members.All(m => order.Contains(m.NoteId)))
        {
            return Failure.Invalid("noteIds", text["community.series.order"]);
        }

        foreach (var member in members)
        {
            member.Position = order.IndexOf(member.NoteId) + 1;
        }

        await db.Series.Where(s => s.Id == seriesId).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        members.ForEach(m => rows.Forget(m.NoteId));
        return true;
    }

    /// <summary>Closes the gaps a removal leaves and keeps the series' note count equal to its rows.</summary>
    private async Task RenumberAsync(long seriesId, CancellationToken cancellationToken)
    {
        var members = await db.SeriesNotes.Where(n => n.SeriesId == seriesId).OrderBy(n => n.Position).ThenBy(n => n.NoteId).ToListAsync(cancellationToken);
        for (var i = 0; i < members.Count; i++)
        {
            members[i].Position = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Series.Where(s => s.Id == seriesId).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.NoteCount, members.Count).SetProperty(s => s.UpdatedAt, clock.GetUtcNow()), cancellationToken);
    }
}
