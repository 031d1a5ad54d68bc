using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Payments;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

/// <summary>
/// Ends an unpaid order: cancelled by its buyer, or closed by the timeout job. Its open payment is stopped at the
/// provider first; if the buyer had paid meanwhile, the order is paid and stays.
/// </summary>
internal sealed class EndUnpaidOrderHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, PaymentApplier payments, IStringLocalizer text)
{
    public async Task<Outcome<bool>> CancelAsync(long buyerId, long orderId, CancellationToken cancellationToken)
    {
        var owned = await db.Orders.AnyAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (!owned)
        {
            return new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        return await EndAsync(orderId, OrderStatus.Cancelled, Actor.Buyer(buyerId), "cancelled", cancellationToken)
            ? true
            : new Failure(FailureKind.Conflict, text["commerce.order.not_cancellable"]);
    }

    /// <summary>Closes an order past its payment deadline; false if it was paid after all or ended already.</summary>
    public Task<bool> CloseUnpaidAsync(long orderId, CancellationToken cancellationToken) =>
        EndAsync(orderId, OrderStatus.Closed, Actor.System, "unpaid", cancellationToken);

    private async Task<bool> EndAsync(long orderId, OrderStatus to, Actor actor, string reason, CancellationToken cancellationToken)
    {
        if (!await payments.StopPaymentsAsync(orderId, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.PendingPayment && o.PaymentId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, to).SetProperty(o => o.EndedAt, now), cancellationToken);
        if (ended == 0)
        {
            return false;
        }

        var order = await db.Orders.Include(o => o.Lines).FirstAsync(o => o.Id == orderId, cancellationToken);
        await OrderEnding.ReleaseAsync(db, order, cancellationToken);
        OrderLog.Record(db, ids, orderId, OrderStatus.PendingPayment, to, actor, now);
        db.OutboxMessages.Add(outbox.Wrap(new OrderClosed(orderId, order.BuyerId, order.StoreId, reason)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
