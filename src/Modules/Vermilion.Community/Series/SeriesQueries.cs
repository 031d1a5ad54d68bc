using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Series;

public sealed record SeriesView(string Id, string Name, string Description, UserSummary Owner, int NoteCount, string? CoverUrl, DateTimeOffset UpdatedAt);

/// <summary>A series and the notes in it the viewer may see, in the creator's order.</summary>
public sealed record SeriesDetail(SeriesView Series, IReadOnlyList<NoteCard> Notes);

/// <summary>Where a note stands in its series, for the banner on the note page: "合集 · 3/8" with neighbours.</summary>
public sealed record NoteInSeries(string SeriesId, string Name, int Position, int Count, string? PreviousId, string? NextId);

internal sealed class SeriesQueries(CommunityDb db, IUserDirectory users, NoteQueries notes, TimeProvider clock)
{
    public async Task<IReadOnlyList<SeriesView>> OfAsync(long ownerId, long? viewer, CancellationToken cancellationToken)
    {
        var rows = await db.Series.AsNoTracking().Where(s => s.OwnerId == ownerId).OrderByDescending(s => s.UpdatedAt).ToListAsync(cancellationToken);
        var owner = await users.FindAsync(ownerId, cancellationToken) ?? NoteNames.Unknown(ownerId);
        var views = new List<SeriesView>(rows.Count);
        foreach (var series in rows)
        {
            var ordered = await OrderedVisibleAsync(series.Id, viewer, cancellationToken);
            if (ordered.Count == 0 && viewer != ownerId)
            {
                continue; // nothing in it the viewer may see
            }

            views.Add(ToView(series, owner, ordered.Count, ordered.Count > 0 ? NoteNames.CoverUrl(ordered[0]) : null));
        }

        return views;
    }

    public async Task<SeriesDetail?> DetailAsync(long seriesId, long? viewer, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series is null || await db.BlockedBetweenAsync(series.OwnerId, viewer ?? 0, cancellationToken))
        {
            return null;
        }

        var owner = await users.FindAsync(series.OwnerId, cancellationToken) ?? NoteNames.Unknown(series.OwnerId);
        var ordered = await OrderedVisibleAsync(seriesId, viewer, cancellationToken);
        var cards = await notes.CardsAsync(ordered, viewer, cancellationToken);
        return new SeriesDetail(ToView(series, owner, ordered.Count, ordered.Count > 0 ? NoteNames.CoverUrl(ordered[0]) : null), cards);
    }

    public async Task<NoteInSeries?> ForNoteAsync(long noteId, long? viewer, CancellationToken cancellationToken)
    {
        var membership = await db.SeriesNotes.AsNoTracking().FirstOrDefaultAsync(n => n.NoteId == noteId, cancellationToken);
        if (membership is null)
        {
            return null;
        }

        var series = await db.Series.AsNoTracking().FirstAsync(s => s.Id == membership.SeriesId, cancellationToken);
        var ordered = await OrderedVisibleAsync(series.Id, viewer, cancellationToken);
        var at = ordered.FindIndex(n => n.Id == noteId);
        if (at < 0)
        {
            return null;
        }

        return new NoteInSeries(ShortId.Encode(series.Id), series.Name, at + 1, ordered.Count,
            at > 0 ? ShortId.Encode(ordered[at - 1].Id) : null,
            at + 1 < ordered.Count ? ShortId.Encode(ordered[at + 1].Id) : null);
    }

    /// <summary>
    /// The series' notes the viewer may see now, in series order. Its owner sees all of them, drafts and scheduled
    /// ones too, so the series page can order every note.
    /// </summary>
    private async Task<List<Note>> OrderedVisibleAsync(long seriesId, long? viewer, CancellationToken cancellationToken)
    {
        var owner = await db.Series.Where(s => s.Id == seriesId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
        var positions = await db.SeriesNotes.AsNoTracking().Where(n => n.SeriesId == seriesId).ToDictionaryAsync(n => n.NoteId, n => n.Position, cancellationToken);
        var ids = positions.Keys.ToList();
        var notes = viewer == owner
            ? db.Notes.AsNoTracking().Where(n => n.AuthorId == owner && n.Status != NoteStatus.Deleted)
            : db.Notes.AsNoTracking().VisibleTo(db, viewer, clock.GetUtcNow());
        var visible = await notes.Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        return [.. visible.OrderBy(n => positions[n.Id])];
    }

    private static SeriesView ToView(NoteSeries series, UserSummary owner, int visibleCount, string? cover) =>
        new(ShortId.Encode(series.Id), series.Name, series.Description, owner, visibleCount, cover, series.UpdatedAt);
}
