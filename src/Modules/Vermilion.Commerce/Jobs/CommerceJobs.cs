using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Idempotency;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;

namespace Vermilion.Commerce.Jobs;

/// <summary>
/// The deadlines of commerce, driven by the injected clock: unpaid orders close and give their stock back,
/// shipped orders count as delivered, delivered orders complete (paying the seller), unanswered after-sales
/// requests are approved, returns nobody confirmed are refunded, refunds the provider did not take are sent
/// again, and old idempotency keys expire. Each step is a conditional transition, so two nodes running the jobs
/// at once do each thing once.
/// </summary>
internal sealed partial class CommerceJobs(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CommerceOptions> options, ILogger<CommerceJobs> logger) : BackgroundService
{
    private const int Batch = 200;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var done = 0;
        done += await EachAsync<EndUnpaidOrderHandler>(
            db => db.Orders.Where(o => o.Status == OrderStatus.PendingPayment && o.PayBy <= now).Select(o => o.Id),
            (h, id, ct) => h.CloseUnpaidAsync(id, ct), cancellationToken);
        var deliverBefore = now.AddDays(-settings.AutoDeliverDays);
        done += await EachAsync<CompleteOrderHandler>(
            db => db.Orders.Where(o => o.Status == OrderStatus.Shipped && o.ShippedAt <= deliverBefore).Select(o => o.Id),
            (h, id, ct) => h.DeliverAsync(id, Actor.System, ct), cancellationToken);
        var completeBefore = now.AddDays(-settings.AutoCompleteDays);
        done += await EachAsync<CompleteOrderHandler>(
            db => db.Orders.Where(o => o.Status == OrderStatus.Delivered && o.DeliveredAt <= completeBefore
                && !db.AfterSales.Any(a => a.OrderId == o.Id && (a.Status == AfterSaleStatus.Requested || a.Status == AfterSaleStatus.Approved || a.Status == AfterSaleStatus.ReturnShipped)))
                .Select(o => o.Id),
            (h, id, ct) => h.CompleteAsync(id, Actor.System, ct), cancellationToken);
        done += await EachAsync<DecideAfterSaleHandler>(
            db => db.AfterSales.Where(a => a.Status == AfterSaleStatus.Requested && a.DueAt <= now).Select(a => a.Id),
            async (h, id, ct) => await h.DecideAsync(id, approve: true, automatically: true, null, ct) is not null, cancellationToken);
        done += await EachAsync<ReturnGoodsHandler>(
            db => db.AfterSales.Where(a => a.Status == AfterSaleStatus.ReturnShipped && a.Kind == AfterSaleKind.ReturnAndRefund && a.DueAt <= now).Select(a => a.Id),
            async (h, id, ct) => await h.ReceivedAsync(id, null, ct) is not null, cancellationToken);
        var stale = now.AddSeconds(-30);
        done += await EachAsync<RefundDesk>(
            db => db.Refunds.Where(r => r.Status == RefundStatus.Pending && r.CreatedAt <= stale).Select(r => r.Id),
            (h, id, ct) => h.SendAsync(id, ct), cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
            await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
            var keyExpiry = now - IdempotencyFilter.Lifetime;
            await db.Checkouts.Where(c => c.IdempotencyKey != null && c.CreatedAt <= keyExpiry)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.IdempotencyKey, (string?)null), cancellationToken);
        }

        return done;
    }

    private async Task<int> EachAsync<THandler>(Func<CommerceDb, IQueryable<long>> due, Func<THandler, long, CancellationToken, Task<bool>> act, CancellationToken cancellationToken)
        where THandler : notnull
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            ids = await due(scope.ServiceProvider.GetRequiredService<CommerceDb>()).OrderBy(id => id).Take(Batch).ToListAsync(cancellationToken);
        }

        var done = 0;
        foreach (var id in ids)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                done += await act(scope.ServiceProvider.GetRequiredService<THandler>(), id, cancellationToken) ? 1 : 0;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogJobFailed(logger, typeof(THandler).Name, id, error);
            }
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.JobIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error)
            {
                LogJobFailed(logger, "all", 0, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commerce job {Job} failed on {Id}; it will run again.")]
    private static partial void LogJobFailed(ILogger logger, string job, long id, Exception error);
}
