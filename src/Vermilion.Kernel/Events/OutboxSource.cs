using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Kernel.Events;

/// <summary>One module's outbox table, drained by the dispatcher.</summary>
public interface IOutboxSource
{
    string Module { get; }

    /// <summary>Delivers up to one batch of due messages; returns how many were delivered.</summary>
    Task<int> DeliverBatchAsync(IServiceProvider services, EventDelivery delivery, CancellationToken cancellationToken);
}

public sealed class OutboxSource<TContext> : IOutboxSource
    where TContext : ModuleDbContext
{
    private const int BatchSize = 100;

    public string Module => typeof(TContext).Name;

    public async Task<int> DeliverBatchAsync(IServiceProvider services, EventDelivery delivery, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.DeliveredAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var message in due)
        {
            // Stopping (or dying) mid-batch records none of it: the batch comes again, as after a crash.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await delivery.DeliverAsync(message, cancellationToken);
                message.DeliveredAt = clock.GetUtcNow();
                message.LastError = null;
                delivered++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Back off exponentially, capped at ten minutes; the message stays until a handler accepts it.
                message.Attempts++;
                message.LastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
                message.NextAttemptAt = clock.GetUtcNow().AddSeconds(Math.Min(600, Math.Pow(2, message.Attempts)));
            }
        }

        // Saved once per batch: one write instead of one per message (a storm of orders is a storm of events,
        // and on SQLite every write waits for the file's one writer). A crash before this line delivers the batch
        // again, which the handlers' inbox absorbs: delivery is at least once, effects exactly once.
        await db.SaveChangesAsync(cancellationToken);
        return delivered;
    }
}
