using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Signals;

namespace Vermilion.Discovery.Training;

/// <summary>Reads the signal log once, in order, into per-person histories over the catalog's note indexes.</summary>
internal sealed class SignalLogReader(FeedDb db)
{
    public async Task<(Dictionary<long, SignalHistory> People, long Watermark, long Read)> ReadAsync(
        CatalogSnapshot catalog, DateTimeOffset since, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var people = new Dictionary<long, SignalHistory>();
        // Signals without a note (follows, searches) move the watermark too: serving reads the log's tail after it.
        // Anything written while this reads has a larger id and is read by that tail.
        var watermark = await db.Events.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        long read = 0;
        var rows = db.Events.AsNoTracking()
            .Where(e => e.OccurredAt >= since && e.NoteId != null)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.UserId, e.Kind, e.NoteId, e.OccurredAt, e.Value, e.Features })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            watermark = Math.Max(watermark, row.Id);
            if (++read % 500_000 == 0)
            {
                progress?.Report($"signals: {read} read");
            }

            var note = catalog.IndexOf(row.NoteId!.Value);
            if (note < 0)
            {
                continue;
            }

            if (!people.TryGetValue(row.UserId, out var history))
            {
                people[row.UserId] = history = new SignalHistory(row.UserId);
            }

            history.Add(note, row.Kind, row.OccurredAt.UtcTicks, row.Value, row.Kind == FeedEventKind.Impression ? row.Features : null);
        }

        return (people, watermark, read);
    }
}
