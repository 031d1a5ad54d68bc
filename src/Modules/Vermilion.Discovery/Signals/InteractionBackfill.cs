using System.Globalization;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Catalog;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// Once per installation: copies every like, collect and comment the community already has into the signal log
/// (the demo community is written without events). From then on they arrive as events. Anything that happens
/// while this runs may be copied twice; training counts a person's note once, so that is harmless.
/// </summary>
internal sealed class InteractionBackfill(FeedDb db, ICommunityExport export, IdGenerator ids, TimeProvider clock)
{
    private const int Batch = 50_000;

    private static readonly string[] Columns = ["id", "user_id", "kind", "note_id", "subject_id", "occurred_at", "position", "value", "feed", "query", "features"];

    public async Task<long> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await db.GetAsync(FeedSettings.InteractionsCaughtUpAt, cancellationToken) is not null)
        {
            return 0;
        }

        var startedAt = clock.GetUtcNow();
        var since = DateTimeOffset.UnixEpoch;
        var skip = 0;
        long copied = 0;
        while (true)
        {
            var rows = await export.InteractionsAsync(since, skip, Batch, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            copied += await BulkInsert.WriteAsync(db, "discovery_feed_events", Columns, rows.Select(Row), cancellationToken);
            // Page by time rather than by offset alone: the next query starts at the last time seen, skipping the
            // rows of that same moment already copied, so each page costs the same however far along it is.
            var last = rows[^1].At;
            var atLast = rows.Count(r => r.At == last);
            (since, skip) = last == since ? (since, skip + rows.Count) : (last, atLast);
            progress?.Report($"interactions: {copied} copied");
        }

        await db.SetAsync(FeedSettings.InteractionsCaughtUpAt, startedAt.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return copied;
    }

    private object?[] Row(InteractionRecord record) =>
    [
        ids.Next(), record.UserId, (int)Kind(record.Kind), record.NoteId, null, record.At.UtcDateTime, null, null, "backfill", null, null,
    ];

    private static FeedEventKind Kind(string kind) => kind switch
    {
        "collect" => FeedEventKind.Collect,
        "comment" => FeedEventKind.Comment,
        _ => FeedEventKind.Like,
    };
}
