using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Series;

/// <summary>
/// The series a note is sent with, checked before the note is saved (so a wrong series stores nothing) and
/// applied after. An empty id means "in no series".
/// </summary>
internal sealed class SeriesChoice(CommunityDb db, SeriesNotesHandler notes, IStringLocalizer text)
{
    /// <summary>The series id to use (0 for none, null for unchanged); adds a field error when it cannot be used.</summary>
    public async Task<long?> CheckAsync(long authorId, string? seriesId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (seriesId is null)
        {
            return null;
        }

        if (seriesId.Length == 0)
        {
            return 0;
        }

        var series = ShortId.TryDecode(seriesId, out var id)
            ? await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == authorId, cancellationToken)
            : null;
        if (series is null)
        {
            errors.Add("seriesId", text["community.series.not_found"]);
        }
        else if (series.NoteCount >= NoteSeries.NotesMax)
        {
            errors.Add("seriesId", text["community.series.full", NoteSeries.NotesMax]);
        }

        return series?.Id;
    }

    public async Task ApplyAsync(long authorId, long noteId, long? seriesId, CancellationToken cancellationToken)
    {
        if (seriesId is > 0)
        {
            await notes.AddAsync(authorId, seriesId.Value, noteId, cancellationToken);
        }
        else if (seriesId == 0 && await db.SeriesNotes.AsNoTracking().FirstOrDefaultAsync(n => n.NoteId == noteId, cancellationToken) is { } current)
        {
            await notes.RemoveAsync(authorId, current.SeriesId, noteId, cancellationToken);
        }
    }
}
