using System.Globalization;
using Vermilion.Community.Contracts;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Copies the community's notes the feed has not seen yet, in id order from where it stopped last time. Changes
/// to notes already copied arrive as events, so a catch-up after the first one only reads what is new.
/// </summary>
internal sealed class CatalogBackfill(FeedDb db, ICommunityExport export, CatalogWriter writer)
{
    private const int Batch = 5_000;

    public async Task<int> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var after = long.TryParse(await db.GetAsync(FeedSettings.NotesCaughtUpThrough, cancellationToken), CultureInfo.InvariantCulture, out var through) ? through : 0;
        var copied = 0;
        while (true)
        {
            var notes = await export.NotesAfterAsync(after, Batch, cancellationToken);
            if (notes.Count == 0)
            {
                break;
            }

            await writer.UpsertAsync(notes, cancellationToken);
            after = notes[^1].Id;
            copied += notes.Count;
            await db.SetAsync(FeedSettings.NotesCaughtUpThrough, after.ToString(CultureInfo.InvariantCulture), cancellationToken);
            progress?.Report($"notes: {copied} copied");
        }

        return copied;
    }
}
