using System.Globalization;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Catalog;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// Once per installation: copies every like, collect and comment the community already has into the signal log
/// (the demo community is written without events). From then on they arrive as events. Anything that happens
/// while this runs may be copied twice; training counts a person's note once, so that is harmless. Pages follow
/// each table's key, not time: training orders each person's signals by their time itself.
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
        long copied = 0;
        foreach (var kind in InteractionKinds.All)
        {
            InteractionPosition? after = null;
            do
            {
                var page = await export.InteractionsAsync(kind, after, Batch, cancellationToken);
                copied += await BulkInsert.WriteAsync(db, "discovery_feed_events", Columns, page.Items.Select(Row), cancellationToken);
                after = page.Next;
                progress?.Report($"interactions: {copied} copied");
            }
            while (after is not null);
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
        InteractionKinds.Collect => FeedEventKind.Collect,
        InteractionKinds.Comment => FeedEventKind.Comment,
        _ => FeedEventKind.Like,
    };
}
