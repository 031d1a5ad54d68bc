using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

/// <summary>Orders as the buyer and the merchant see them.</summary>
internal sealed class OrderQueries(CommerceDb db, IUserDirectory users)
{
    public async Task<CheckoutView?> CheckoutAsync(long checkoutId, long buyerId, CancellationToken cancellationToken)
    {
        var checkout = await db.Checkouts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkoutId && c.BuyerId == buyerId, cancellationToken);
        if (checkout is null)
        {
            return null;
        }

        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return new CheckoutView(ShortId.Encode(checkout.Id), checkout.Total, await ViewsAsync(orders, withHistory: false, cancellationToken));
    }

    public async Task<OrderView?> DetailAsync(long orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is null ? null : (await ViewsAsync([order], withHistory: true, cancellationToken))[0];
    }

    /// <summary>A buyer's orders, newest first; <paramref name="status"/> filters by state name.</summary>
    public async Task<IReadOnlyList<OrderView>> ForBuyerAsync(long buyerId, string? status, int take, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.BuyerId == buyerId);
        if (Parse(status) is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        return await ViewsAsync(await query.OrderByDescending(o => o.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken), false, cancellationToken);
    }

    public async Task<IReadOnlyList<OrderView>> ForStoreAsync(long storeId, string? status, int take, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.StoreId == storeId);
        if (Parse(status) is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        return await ViewsAsync(await query.OrderByDescending(o => o.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken), false, cancellationToken);
    }

    private static OrderStatus? Parse(string? status) =>
        Enum.GetValues<OrderStatus>().Cast<OrderStatus?>().FirstOrDefault(s => OrderNames.Of(s!.Value) == status);

    private async Task<IReadOnlyList<OrderView>> ViewsAsync(List<Order> orders, bool withHistory, CancellationToken cancellationToken)
    {
        var storeIds = orders.Select(o => o.StoreId).Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var creatorIds = orders.Where(o => o.CreatorId is not null).Select(o => o.CreatorId!.Value).Distinct().ToList();
        IReadOnlyDictionary<long, UserSummary> creators = creatorIds.Count == 0 ? new Dictionary<long, UserSummary>() : await users.FindManyAsync(creatorIds, cancellationToken);
        var history = new Dictionary<long, List<OrderEvent>>();
        if (withHistory)
        {
            var ids = orders.Select(o => o.Id).ToList();
            history = (await db.OrderEvents.AsNoTracking().Where(e => ids.Contains(e.OrderId)).OrderBy(e => e.Id).ToListAsync(cancellationToken))
                .GroupBy(e => e.OrderId).ToDictionary(g => g.Key, g => g.ToList());
        }

        return [.. orders.Select(o => new OrderView(
            ShortId.Encode(o.Id),
            ShortId.Encode(o.CheckoutId),
            ShortId.Encode(o.BuyerId),
            ShortId.Encode(o.StoreId),
            stores.GetValueOrDefault(o.StoreId, ""),
            OrderNames.Of(o.Status),
            o.Subtotal,
            o.ShippingFee,
            o.StoreDiscount,
            o.PlatformDiscount,
            o.Total,
            o.Refunded,
            [.. o.Lines.OrderBy(l => l.Position).Select(l => new OrderLineView(ShortId.Encode(l.SkuId), ShortId.Encode(l.ProductId), l.Title, l.Specs, l.ImageKey is null ? null : "/media/" + l.ImageKey, l.UnitPrice, l.Quantity, l.Amount))],
            o.ShipName,
            o.ShipPhone,
            o.ShipRegion,
            o.ShipAddress,
            o.Carrier,
            o.TrackingNumber,
            o.NoteId is { } note ? ShortId.Encode(note) : null,
            o.CreatorId is { } creator ? ShortId.Encode(creator) : null,
            o.CreatorId is { } credited && creators.TryGetValue(credited, out var person) ? person.Nickname : null,
            CreatorCredits.Name(o.CreatorCredit),
            o.CommissionBasisPoints,
            o.CreatedAt,
            o.PayBy,
            o.PaidAt,
            o.ShippedAt,
            o.CompletedAt,
            [.. history.GetValueOrDefault(o.Id, []).Select(e => new OrderEventView(e.From is { } f ? OrderNames.Of(f) : null, OrderNames.Of(e.To), e.ActorKind, e.At, e.Note))]))];
    }
}
