using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Ledger;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

/// <summary>
/// Delivery and completion: the buyer confirms receipt (确认收货) or the jobs move time along; on completion escrow
/// pays the seller, the creator's commission and the platform fee in one balanced entry.
/// </summary>
internal sealed class CompleteOrderHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, IStringLocalizer text)
{
    public async Task<Outcome<bool>> ConfirmAsync(long buyerId, long orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (order is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        if (await db.AfterSales.AnyAsync(a => a.OrderId == orderId && (a.Status == AfterSaleStatus.Requested || a.Status == AfterSaleStatus.Approved || a.Status == AfterSaleStatus.ReturnShipped), cancellationToken))
        {
            return new Failure(FailureKind.Conflict, text["commerce.order.after_sale_open"]);
        }

        return await CompleteAsync(orderId, Actor.Buyer(buyerId), cancellationToken)
            ? true
            : new Failure(FailureKind.Conflict, text["commerce.order.not_confirmable"]);
    }

    /// <summary>Marks a shipped order delivered; false if it is not shipped.</summary>
    public async Task<bool> DeliverAsync(long orderId, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivered = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Shipped)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Delivered).SetProperty(o => o.DeliveredAt, now), cancellationToken);
        if (delivered == 0)
        {
            return false;
        }

        OrderLog.Record(db, ids, orderId, OrderStatus.Shipped, OrderStatus.Delivered, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Completes a shipped or delivered order and settles escrow; false if it is in another state.</summary>
    public async Task<bool> CompleteAsync(long orderId, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, cancellationToken);
        var completed = await db.Orders.Where(o => o.Id == orderId && (o.Status == OrderStatus.Shipped || o.Status == OrderStatus.Delivered))
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Completed).SetProperty(o => o.CompletedAt, now)
                .SetProperty(o => o.DeliveredAt, o => o.DeliveredAt ?? now), cancellationToken);
        if (completed == 0)
        {
            return false;
        }

        // Read again inside the transaction: the refunded amount decides what is left to settle.
        order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, cancellationToken);
        OrderMoney.Settle(db, ids, order, now);
        OrderLog.Record(db, ids, orderId, order.DeliveredAt == now ? OrderStatus.Shipped : OrderStatus.Delivered, OrderStatus.Completed, actor, now);
        var commission = order.CreatorId is { } creator
            ? db.ChangeTracker.Entries<LedgerPosting>().Where(p => p.Entity.Account == LedgerAccounts.Creator(creator)).Sum(p => p.Entity.Amount)
            : 0;
        db.OutboxMessages.Add(outbox.Wrap(new OrderCompleted(orderId, order.BuyerId, order.StoreId, order.NoteId, order.CreatorId, commission)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
