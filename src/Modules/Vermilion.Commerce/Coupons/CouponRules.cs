using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Coupons;

/// <summary>
/// Applies claimed coupons to a planned checkout: a store's coupon to that store's order, one platform coupon
/// spread over the orders by their goods. A discount always leaves at least one fen to pay.
/// </summary>
internal sealed class CouponRules(CommerceDb db, TimeProvider clock, IStringLocalizer text)
{
    public async Task<IReadOnlyList<long>> ApplyAsync(long buyerId, IReadOnlyList<string> couponIds, IReadOnlyList<PlannedOrder> orders, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (couponIds.Count == 0)
        {
            return [];
        }

        var ids = couponIds.Select(c => ShortId.TryDecode(c, out var id) ? id : -1).Distinct().ToList();
        var held = await db.UserCoupons.AsNoTracking().Where(c => ids.Contains(c.Id) && c.UserId == buyerId)
            .Join(db.Coupons, u => u.CouponId, c => c.Id, (u, c) => new { Held = u, Coupon = c })
            .ToListAsync(cancellationToken);
        if (held.Count != ids.Count || held.Any(h => h.Held.Status != UserCouponStatus.Available))
        {
            errors.Add("couponIds", text["commerce.coupon.unavailable"]);
            return [];
        }

        var now = clock.GetUtcNow();
        foreach (var h in held.Where(h => h.Coupon.Stopped || now < h.Coupon.ValidFrom || now >= h.Coupon.ValidTo))
        {
            errors.Add("couponIds", text["commerce.coupon.expired", h.Coupon.Title]);
        }

        if (held.Any(h => h.Coupon.FirstOrderOnly) && await HasOrderedAsync(buyerId, cancellationToken))
        {
            errors.Add("couponIds", text["commerce.coupon.first_order_only"]);
        }

        foreach (var storeCoupons in held.Where(h => h.Coupon.StoreId is not null).GroupBy(h => h.Coupon.StoreId))
        {
            var order = orders.FirstOrDefault(o => o.Store.Id == storeCoupons.Key);
            if (order is null || storeCoupons.Count() > 1)
            {
                errors.Add("couponIds", text["commerce.coupon.not_applicable", storeCoupons.First().Coupon.Title]);
                continue;
            }

            var coupon = storeCoupons.Single();
            var discount = Math.Min(coupon.Coupon.DiscountOn(order.Subtotal), order.Subtotal - 1);
            if (discount <= 0)
            {
                errors.Add("couponIds", text["commerce.coupon.min_spend", coupon.Coupon.Title]);
                continue;
            }

            order.StoreDiscount = discount;
            order.StoreCouponId = coupon.Held.Id;
        }

        var platform = held.Where(h => h.Coupon.StoreId is null).ToList();
        if (platform.Count > 1)
        {
            errors.Add("couponIds", text["commerce.coupon.one_platform"]);
        }
        else if (platform.Count == 1)
        {
            Spread(platform[0].Held.Id, platform[0].Coupon, orders, errors);
        }

        return [.. held.Select(h => h.Held.Id)];
    }

    private void Spread(long userCouponId, Coupon coupon, IReadOnlyList<PlannedOrder> orders, FieldErrors errors)
    {
        var goods = orders.Sum(o => o.Subtotal - o.StoreDiscount);
        var discount = Math.Min(coupon.DiscountOn(goods), goods - orders.Count);
        if (discount <= 0)
        {
            errors.Add("couponIds", text["commerce.coupon.min_spend", coupon.Title]);
            return;
        }

        var left = discount;
        for (var i = 0; i < orders.Count; i++)
        {
            var share = i == orders.Count - 1 ? left : discount * (orders[i].Subtotal - orders[i].StoreDiscount) / goods;
            share = Math.Min(share, orders[i].Subtotal - orders[i].StoreDiscount - 1);
            orders[i].PlatformDiscount = share;
            orders[i].PlatformCouponId = userCouponId;
            left -= share;
        }
    }

    /// <summary>A first order is one before any order was ever paid for.</summary>
    public Task<bool> HasOrderedAsync(long buyerId, CancellationToken cancellationToken) =>
        db.Orders.AnyAsync(o => o.BuyerId == buyerId && o.PaymentId != null, cancellationToken);
}
