using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments;

/// <summary>
/// Applies what the provider says happened to a payment. Every path is idempotent and ordered by conditional
/// updates: a notification delivered twice, late, or after the order closed books the money exactly once, and
/// money that arrives for an order that can no longer take it is refunded.
/// </summary>
internal sealed class PaymentApplier(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, RefundDesk refunds, IPaymentProvider provider)
{
    public async Task ApplySucceededAsync(long paymentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var toSend = new List<long>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var won = await db.Payments.Where(p => p.Id == paymentId && p.Status != PaymentStatus.Succeeded)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Succeeded).SetProperty(p => p.CompletedAt, now), cancellationToken);
            if (won == 0)
            {
                return; // applied before
            }

            var parts = await db.PaymentOrders.AsNoTracking().Where(p => p.PaymentId == paymentId).ToListAsync(cancellationToken);
            foreach (var part in parts)
            {
                var order = await db.Orders.Include(o => o.Lines).FirstAsync(o => o.Id == part.OrderId, cancellationToken);
                var paid = await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.PendingPayment && o.PaymentId == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.PaidAt, now).SetProperty(o => o.PaymentId, paymentId), cancellationToken);
                if (paid == 1)
                {
                    OrderMoney.Capture(db, ids, order, "capture:" + ShortId.Encode(order.Id), now);
                    OrderLog.Record(db, ids, order.Id, OrderStatus.PendingPayment, OrderStatus.Paid, Actor.Provider, now);
                    foreach (var line in order.Lines)
                    {
                        await db.Products.Where(p => p.Id == line.ProductId)
                            .ExecuteUpdateAsync(u => u.SetProperty(p => p.SoldCount, p => p.SoldCount + line.Quantity), cancellationToken);
                    }

                    var owner = await db.Stores.Where(s => s.Id == order.StoreId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
                    db.OutboxMessages.Add(outbox.Wrap(new OrderPaid(order.Id, order.BuyerId, order.StoreId, owner, order.Total, order.NoteId)));
                    db.OutboxMessages.Add(outbox.Wrap(new ProductsSold(order.Id, [.. order.Lines.Select(l => l.ProductId).Distinct()])));
                    continue;
                }

                toSend.Add(await BookUnwantedAsync(order, paymentId, part.Amount, now, cancellationToken));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var refund in toSend)
        {
            await refunds.SendAsync(refund, cancellationToken);
        }
    }

    /// <summary>
    /// Money for an order that closed meanwhile (paid late) or that another payment already paid: book it in and
    /// straight back out, so the buyer is made whole and the books still show what happened.
    /// </summary>
    private async Task<long> BookUnwantedAsync(Order order, long paymentId, long amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var late = order.PaymentId is null
            && await db.Orders.Where(o => o.Id == order.Id && o.PaymentId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.PaymentId, paymentId), cancellationToken) == 1;
        if (late)
        {
            // The order is closed or cancelled: its escrow takes the money and the full refund sends it back.
            db.Entry(order).Property(o => o.PaymentId).CurrentValue = paymentId;
            db.Entry(order).Property(o => o.PaymentId).IsModified = false;
            OrderMoney.Capture(db, ids, order, "capture:" + ShortId.Encode(order.Id), now);
            var refund = await refunds.BookAsync(order, paymentId, order.Total, "late:" + ShortId.Encode(order.Id), "late", null, now, cancellationToken);
            OrderMoney.Unwind(db, ids, order, now);
            OrderLog.Record(db, ids, order.Id, order.Status, order.Status, Actor.Provider, now, "paid after the order ended: refunded");
            return refund.Id;
        }

        var key = $"dup:{ShortId.Encode(paymentId)}:{ShortId.Encode(order.Id)}";
        LedgerBook.Post(db, ids, "capture-" + key, "capture", order.Id, now, (LedgerAccounts.Buyer(order.BuyerId), -amount), (LedgerAccounts.Escrow, amount));
        return refunds.BookDuplicate(order, paymentId, amount, key, now).Id;
    }

    public async Task ApplyEndedAsync(long paymentId, PaymentStatus status, CancellationToken cancellationToken) =>
        await db.Payments.Where(p => p.Id == paymentId && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status).SetProperty(p => p.CompletedAt, clock.GetUtcNow()), cancellationToken);

    /// <summary>Asks the provider how a payment stands and applies it: for a buyer back from the payment page, and for jobs.</summary>
    public async Task<PaymentStatus> SyncAsync(long paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null || payment.Status != PaymentStatus.Pending || payment.ProviderRef is null)
        {
            return payment?.Status ?? PaymentStatus.Failed;
        }

        var charge = await provider.FetchChargeAsync(payment.ProviderRef, cancellationToken);
        switch (charge?.State)
        {
            case ProviderChargeState.Paid when charge.IsFor(payment):
                await ApplySucceededAsync(paymentId, cancellationToken);
                return PaymentStatus.Succeeded;
            case ProviderChargeState.Failed:
                await ApplyEndedAsync(paymentId, PaymentStatus.Failed, cancellationToken);
                return PaymentStatus.Failed;
            case ProviderChargeState.Cancelled:
                await ApplyEndedAsync(paymentId, PaymentStatus.Cancelled, cancellationToken);
                return PaymentStatus.Cancelled;
            default:
                return PaymentStatus.Pending; // still open, unknown, or paid for another amount: never booked on our side
        }
    }

    /// <summary>
    /// Stops the open payments that cover an order before it ends. False if one of them had been paid: it is
    /// applied instead, and the order is paid after all.
    /// </summary>
    public async Task<bool> StopPaymentsAsync(long orderId, CancellationToken cancellationToken)
    {
        var open = await db.PaymentOrders.Where(p => p.OrderId == orderId)
            .Join(db.Payments, po => po.PaymentId, p => p.Id, (po, p) => p)
            .Where(p => p.Status == PaymentStatus.Pending).AsNoTracking().ToListAsync(cancellationToken);
        var stopped = true;
        foreach (var payment in open)
        {
            if (payment.ProviderRef is null || await provider.CancelChargeAsync(payment.ProviderRef, cancellationToken))
            {
                await ApplyEndedAsync(payment.Id, PaymentStatus.Cancelled, cancellationToken);
            }
            else
            {
                await ApplySucceededAsync(payment.Id, cancellationToken);
                stopped = false;
            }
        }

        return stopped;
    }
}
