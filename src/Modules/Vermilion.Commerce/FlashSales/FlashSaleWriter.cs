using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Commerce.FlashSales;

/// <summary>A purchase that passed the gate and was priced, waiting for its sale's writer.</summary>
internal sealed record FlashOrder(long BuyerId, FlashSale Sale, Orders.PlannedOrder Planned)
{
    public TaskCompletionSource<FlashVerdict> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal enum FlashVerdictKind
{
    Bought,
    SoldOut,
    LimitReached,
    Missing,
}

internal readonly record struct FlashVerdict(FlashVerdictKind Kind, long OrderId = 0);

/// <summary>
/// Group commit for flash sales. Thousands of buyers contend for one row (the sale's units); one transaction per
/// buyer serializes them on that row's lock, and the lock holder waits for the CPU behind everyone else's requests.
/// Instead, each sale has one writer on this node, and it commits every purchase that arrived while the previous
/// commit ran, together, in one transaction (<see cref="FlashSaleBatch"/>). Each purchase is still decided on its
/// own: units and per-person limits are counted under the sale row's lock, so a batch from another node waits for
/// this one. A batch that fails as a whole is retried one purchase at a time, so one bad purchase cannot take
/// others down with it.
/// </summary>
internal sealed partial class FlashSaleWriter(IServiceProvider services, IServiceScopeFactory scopes, ILogger<FlashSaleWriter> logger)
{
    /// <summary>The most purchases one transaction commits; more wait for the next.</summary>
    public const int BatchMax = 256;

    // How many times (of about a millisecond each) the writer waits for purchases on their way before it commits.
    private const int LingerMax = 2;

    private readonly ConcurrentDictionary<long, Lane> _lanes = new();

    // The writers' connections do not wait in the shared pool behind the storm's requests.
    private readonly Lazy<DbContextOptions<CommerceDb>> _options = new(() => DedicatedPool.Options<CommerceDb>(services, "flash-sales", 4));

    /// <summary>
    /// Says a purchase of this sale is on its way (being priced), so the writer may wait a moment for it rather than
    /// commit a batch of one; dispose it when the purchase is submitted or dropped.
    /// </summary>
    public Coming Expect(long saleId)
    {
        var lane = _lanes.GetOrAdd(saleId, _ => new Lane());
        Interlocked.Increment(ref lane.Coming);
        return new Coming(this, lane);
    }

    private Task<FlashVerdict> Submit(Lane lane, FlashOrder order)
    {
        lane.Waiting.Enqueue(order);
        // Whoever finds the lane idle starts its writer; the writer stops when it finds nothing waiting.
        if (Interlocked.CompareExchange(ref lane.Writing, 1, 0) == 0)
        {
            StartWriter(lane);
        }

        return order.Answer.Task;
    }

    // The writer has a thread of its own and talks to the database synchronously. On the thread pool, each of a
    // transaction's awaits would queue behind the storm's thousands of requests, and the sale's row lock would be
    // held for all that queueing: on PostgreSQL a batch took a second instead of milliseconds.
    private void StartWriter(Lane lane) =>
        new Thread(() => Write(lane)) { IsBackground = true, Name = "flash-sale writer" }.Start();

    private void Write(Lane lane)
    {
        var batch = new List<FlashOrder>(BatchMax);
        while (true)
        {
            for (var lingered = 0; ; lingered++)
            {
                while (batch.Count < BatchMax && lane.Waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                // In a storm, purchases are still being priced when the writer comes back for more: a millisecond
                // or two of waiting lets them share a transaction instead of each paying for its own.
                if (batch.Count == BatchMax || lingered == LingerMax || Volatile.Read(ref lane.Coming) == 0)
                {
                    break;
                }

                Thread.Sleep(1);
            }

            if (batch.Count == 0)
            {
                Volatile.Write(ref lane.Writing, 0);
                // A purchase queued between the last look and the release would wait forever: look once more.
                if (lane.Waiting.IsEmpty || Interlocked.CompareExchange(ref lane.Writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<FlashOrder> batch)
    {
        try
        {
            Answer(batch, CommitOnce(batch));
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(logger, e, batch.Count, batch[0].Sale.Id);
        }
        catch (Exception e)
        {
            batch[0].Answer.TrySetException(e);
            return;
        }

        foreach (var order in batch)
        {
            try
            {
                Answer([order], CommitOnce([order]));
            }
            catch (Exception e)
            {
                order.Answer.TrySetException(e);
            }
        }
    }

    // The buyers' requests may be cancelled by now; their purchases are decided either way, and each answer (an
    // order in their list, or nothing) stays true.
    private FlashVerdict[] CommitOnce(List<FlashOrder> orders)
    {
        using var scope = scopes.CreateScope();
        using var db = new CommerceDb(_options.Value);
        return ActivatorUtilities.CreateInstance<FlashSaleBatch>(scope.ServiceProvider, db).Commit(orders);
    }

    private static void Answer(List<FlashOrder> orders, FlashVerdict[] verdicts)
    {
        for (var i = 0; i < orders.Count; i++)
        {
            orders[i].Answer.TrySetResult(verdicts[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} purchases for flash sale {SaleId} failed; retrying them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, long saleId);

    /// <summary>A purchase on its way to the writer: submit it once, and dispose it either way.</summary>
    internal sealed class Coming(FlashSaleWriter writer, Lane lane) : IDisposable
    {
        private int _done;

        public Task<FlashVerdict> SubmitAsync(FlashOrder order)
        {
            var answer = writer.Submit(lane, order);
            Dispose();
            return answer;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Decrement(ref lane.Coming);
            }
        }
    }

    internal sealed class Lane
    {
        public readonly ConcurrentQueue<FlashOrder> Waiting = new();
        public int Writing;
        public int Coming;
    }
}
