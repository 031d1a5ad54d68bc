using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// Appends signals to the log and hands them to this node's live activity at once; every other node reads them
/// from the log's tail within a second.
/// </summary>
internal sealed class SignalWriter(FeedDb db, IdGenerator ids, TimeProvider clock, ViewerActivity activity)
{
    /// <summary>Signals a client reported now.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<FeedEvent> signals, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var signal in signals)
        {
            signal.Id = ids.Next();
            signal.OccurredAt = now;
        }

        db.Events.AddRange(signals);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var signal in signals)
        {
            activity.Apply(SignalRecord.Of(signal));
        }

        return signals.Count;
    }

    /// <summary>Signals that another module's event stands for, recorded once however often it is delivered.</summary>
    public async Task WriteOnceAsync(string handler, EventContext context, IReadOnlyList<FeedEvent> signals, CancellationToken cancellationToken)
    {
        if (!await db.FirstTimeAsync(handler, context, clock.GetUtcNow(), cancellationToken))
        {
            return;
        }

        foreach (var signal in signals)
        {
            signal.Id = ids.Next();
            signal.OccurredAt = context.OccurredAt;
        }

        db.Events.AddRange(signals);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var signal in signals)
        {
            activity.Apply(SignalRecord.Of(signal));
        }
    }
}
