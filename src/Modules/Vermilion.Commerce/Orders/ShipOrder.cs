using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

public sealed record ShipRequest(string? Carrier, string? TrackingNumber);

/// <summary>The merchant ships a paid order with a carrier and a tracking number (发货).</summary>
internal sealed class ShipOrderHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, StoreAccess stores, IStringLocalizer text)
{
    public async Task<Outcome<bool>> HandleAsync(long merchantId, long orderId, ShipRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        if ((await stores.OwnedAsync(merchantId, cancellationToken))?.Id != order.StoreId)
        {
            // Only the buyer may learn that the order exists; to anyone else it is not found, as when they read it.
            return order.BuyerId == merchantId
                ? new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"])
                : new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        var carrier = (request.Carrier ?? "").Trim();
        var tracking = (request.TrackingNumber ?? "").Trim();
        var errors = new FieldErrors();
        if (carrier.Length is 0 or > 20)
        {
            errors.Add("carrier", text["commerce.ship.carrier"]);
        }

        if (tracking.Length is < 6 or > 40 || !tracking.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("trackingNumber", text["commerce.ship.tracking"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        if (await db.AfterSales.AnyAsync(a => a.OrderId == orderId && a.Status == AfterSales.AfterSaleStatus.Requested, cancellationToken))
        {
            return new Failure(FailureKind.Conflict, text["commerce.ship.after_sale_open"]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var shipped = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Paid)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OrderStatus.Shipped).SetProperty(o => o.ShippedAt, now)
                .SetProperty(o => o.Carrier, carrier).SetProperty(o => o.TrackingNumber, tracking), cancellationToken);
        if (shipped == 0)
        {
            return new Failure(FailureKind.Conflict, text["commerce.order.not_shippable"]);
        }

        OrderLog.Record(db, ids, orderId, OrderStatus.Paid, OrderStatus.Shipped, Actor.Merchant(merchantId), now, $"{carrier} {tracking}");
        db.OutboxMessages.Add(outbox.Wrap(new OrderShipped(orderId, order.BuyerId, order.StoreId, carrier, tracking)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
