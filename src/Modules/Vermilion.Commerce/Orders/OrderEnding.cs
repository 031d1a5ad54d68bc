using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Coupons;

namespace Vermilion.Commerce.Orders;

/// <summary>
/// What an order gives back when it ends before anything was shipped: its units to stock (or to its flash sale,
/// freeing the buyer's place in the per-person limit) and its coupons once no other order of the checkout uses them.
/// Runs inside the caller's transaction, after the caller won the order's status change.
/// </summary>
internal static class OrderEnding
{
    public static async Task ReleaseAsync(CommerceDb db, Order order, CancellationToken cancellationToken)
    {
        if (!order.StockReleased)
        {
            order.StockReleased = true;
            foreach (var line in order.Lines)
            {
                if (order.FlashSaleId is { } sale)
                {
                    await db.FlashSales.Where(f => f.Id == sale)
                        .ExecuteUpdateAsync(u => u.SetProperty(f => f.Remaining, f => f.Remaining + line.Quantity), cancellationToken);
                }
                else
                {
                    await db.Skus.Where(s => s.Id == line.SkuId)
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stock, s => s.Stock + line.Quantity), cancellationToken);
                }
            }

            if (order.FlashSaleId is not null)
            {
                await db.FlashPurchases.Where(p => p.OrderId == order.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        await ReturnCouponsAsync(db, order, cancellationToken);
    }

    private static async Task ReturnCouponsAsync(CommerceDb db, Order order, CancellationToken cancellationToken)
    {
        foreach (var userCoupon in new[] { order.StoreCouponId, order.PlatformCouponId })
        {
            if (userCoupon is not { } id)
            {
                continue;
            }

            var stillUsed = await db.Orders.AnyAsync(
                o => o.Id != order.Id && o.CheckoutId == order.CheckoutId && (o.StoreCouponId == id || o.PlatformCouponId == id)
                    && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Closed,
                cancellationToken);
            if (!stillUsed)
            {
                await db.UserCoupons.Where(c => c.Id == id && c.Status == UserCouponStatus.Used)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, UserCouponStatus.Available).SetProperty(c => c.CheckoutId, (long?)null).SetProperty(c => c.UsedAt, (DateTimeOffset?)null), cancellationToken);
            }
        }
    }

    /// <summary>Whether the SKU row can take <paramref name="quantity"/> units now: a conditional decrement, never below zero.</summary>
    public static Task<int> TakeStockAsync(CommerceDb db, long skuId, int quantity, CancellationToken cancellationToken) =>
        db.Skus.Where(s => s.Id == skuId && s.Stock >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stock, s => s.Stock - quantity), cancellationToken);

    public static IQueryable<Sku> Sellable(CommerceDb db) =>
        from sku in db.Skus
        join product in db.Products on sku.ProductId equals product.Id
        join store in db.Stores on sku.StoreId equals store.Id
        where !sku.Retired && product.Status == ProductStatus.OnShelf && store.Status == Stores.StoreStatus.Approved
        select sku;
}
