using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.AfterSales;

/// <summary>
/// Pays an approved refund out of the order (escrow, or the settled shares if the order completed) and closes
/// an uncompleted order that is now refunded in full, giving back its stock if nothing had been shipped.
/// Runs inside the caller's transaction; the caller sends the returned refund once it has committed.
/// </summary>
internal sealed class AfterSaleRefund(CommerceDb db, IdGenerator ids, OutboxWriter outbox, RefundDesk refunds)
{
    public async Task<long> BookAsync(AfterSale afterSale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).FirstAsync(o => o.Id == afterSale.OrderId, cancellationToken);
        var amount = Math.Min(afterSale.Amount, order.Total - order.Refunded);
        if (amount <= 0 || order.PaymentId is not { } paymentId)
        {
            return 0;
        }

        var refund = await refunds.BookAsync(order, paymentId, amount, "aftersale:" + ShortId.Encode(afterSale.Id), "after_sale", afterSale.Id, now, cancellationToken);
        await db.AfterSales.Where(a => a.Id == afterSale.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Refunded, a => a.Refunded + amount), cancellationToken);
        afterSale.Refunded += amount; // the request shows what it really paid back, which is less than asked if less was left
        if (order.Refunded == order.Total && order.IsOpen)
        {
            var from = order.Status;
            order.Status = OrderStatus.Closed;
            order.EndedAt = now;
            OrderMoney.Unwind(db, ids, order, now);
            if (from == OrderStatus.Paid)
            {
                await OrderEnding.ReleaseAsync(db, order, cancellationToken);
            }

            OrderLog.Record(db, ids, order.Id, from, OrderStatus.Closed, Actor.System, now, "refunded in full");
            db.OutboxMessages.Add(outbox.Wrap(new OrderClosed(order.Id, order.BuyerId, order.StoreId, "refunded")));
        }

        return refund.Id;
    }
}
