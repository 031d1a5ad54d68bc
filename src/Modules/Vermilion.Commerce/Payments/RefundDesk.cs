using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments;

/// <summary>
/// Refunds in two steps: booked in our transaction (the refund row, the order's refunded amount and the ledger,
/// together), then sent to the provider by key. A crash between the two leaves a pending refund that the
/// refund job sends again; the provider refunds a key once.
/// </summary>
internal sealed partial class RefundDesk(CommerceDb db, IdGenerator ids, OutboxWriter outbox, IPaymentProvider provider, TimeProvider clock, ILogger<RefundDesk> logger)
{
    public async Task<Refund> BookAsync(Order order, long paymentId, long amount, string key, string reason, long? afterSaleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (amount <= 0 || order.Refunded + amount > order.Total)
        {
            throw new InvalidOperationException($"Order {order.Id} cannot refund {amount}.");
        }

        var refund = new Refund { Id = ids.Next(), Key = key, PaymentId = paymentId, OrderId = order.Id, AfterSaleId = afterSaleId, Amount = amount, Reason = reason, CreatedAt = now };
        db.Refunds.Add(refund);
        await OrderMoney.RefundAsync(db, ids, order, refund.Id, amount, now, cancellationToken);
        order.Refunded += amount;
        db.OutboxMessages.Add(outbox.Wrap(new RefundIssued(refund.Id, order.Id, order.BuyerId, amount)));
        return refund;
    }

    /// <summary>A second payment for an already-paid order goes straight back; it never counts as the order's money.</summary>
    public Refund BookDuplicate(Order order, long paymentId, long amount, string key, DateTimeOffset now)
    {
        var refund = new Refund { Id = ids.Next(), Key = key, PaymentId = paymentId, OrderId = order.Id, Amount = amount, Reason = "duplicate", CreatedAt = now };
        db.Refunds.Add(refund);
        LedgerBook.Post(db, ids, "refund:" + ShortId.Encode(refund.Id), "refund", order.Id, now, (LedgerAccounts.Escrow, -amount), (LedgerAccounts.Buyer(order.BuyerId), amount));
        return refund;
    }

    /// <summary>Sends a booked refund to the provider; a failure leaves it pending for the job to retry.</summary>
    public async Task<bool> SendAsync(long refundId, CancellationToken cancellationToken)
    {
        var refund = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == refundId, cancellationToken);
        if (refund is null || refund.Status == RefundStatus.Succeeded)
        {
            return true;
        }

        var charge = await db.Payments.Where(p => p.Id == refund.PaymentId).Select(p => p.ProviderRef).FirstOrDefaultAsync(cancellationToken);
        try
        {
            var reference = await provider.RefundAsync(charge!, refund.Key, refund.Amount, cancellationToken);
            await MarkSucceededAsync(refund.Key, reference, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogRefundFailed(logger, refund.Id, error);
            return false;
        }
    }

    public Task MarkSucceededAsync(string key, string reference, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Refunds.Where(r => r.Key == key && r.Status == RefundStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RefundStatus.Succeeded).SetProperty(r => r.ProviderRef, reference).SetProperty(r => r.CompletedAt, now), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending refund {RefundId} to the provider failed; it stays pending.")]
    private static partial void LogRefundFailed(ILogger logger, long refundId, Exception error);
}
