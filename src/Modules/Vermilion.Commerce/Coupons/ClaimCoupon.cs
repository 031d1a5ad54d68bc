using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Coupons;

/// <summary>
/// A person claims a coupon (领券). The total is taken with a conditional increment and the per-person limit by a
/// unique (coupon, person, n) row, so neither is exceeded however many claim at once.
/// </summary>
internal sealed class ClaimCouponHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, CouponRules rules, IStringLocalizer text)
{
    public async Task<Outcome<HeldCouponView>> HandleAsync(long userId, long couponId, CancellationToken cancellationToken)
    {
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == couponId, cancellationToken);
        var now = clock.GetUtcNow();
        if (coupon is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.coupon.not_found"]);
        }

        if (coupon.Stopped || now >= coupon.ValidTo)
        {
            return new Failure(FailureKind.Conflict, text["commerce.coupon.expired", coupon.Title]);
        }

        if (coupon.FirstOrderOnly && await rules.HasOrderedAsync(userId, cancellationToken))
        {
            return new Failure(FailureKind.Conflict, text["commerce.coupon.first_order_only"]);
        }

        var held = await db.UserCoupons.CountAsync(c => c.CouponId == couponId && c.UserId == userId, cancellationToken);
        if (held >= coupon.PerUserLimit)
        {
            return new Failure(FailureKind.Conflict, text["commerce.coupon.limit"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Coupons.Where(c => c.Id == couponId && c.Claimed < c.TotalQuantity)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Claimed, c => c.Claimed + 1), cancellationToken);
        if (taken == 0)
        {
            return new Failure(FailureKind.Conflict, text["commerce.coupon.gone"]);
        }

        var claim = new UserCoupon { Id = ids.Next(), CouponId = couponId, UserId = userId, Seq = held + 1, Status = UserCouponStatus.Available, ClaimedAt = now };
        db.UserCoupons.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return new Failure(FailureKind.Conflict, text["commerce.coupon.limit"]); // a second claim at the same moment
        }

        await transaction.CommitAsync(cancellationToken);
        return new HeldCouponView(ShortId.Encode(claim.Id), CouponNames.View(coupon), "available", now);
    }

    public async Task<IReadOnlyList<HeldCouponView>> HeldAsync(long userId, bool availableOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.UserCoupons.AsNoTracking().Where(u => u.UserId == userId && (!availableOnly || u.Status == UserCouponStatus.Available))
            .Join(db.Coupons, u => u.CouponId, c => c.Id, (u, c) => new { Held = u, Coupon = c })
            .Where(x => !availableOnly || (x.Coupon.ValidTo > now && !x.Coupon.Stopped))
            .OrderByDescending(x => x.Held.Id).Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new HeldCouponView(ShortId.Encode(x.Held.Id), CouponNames.View(x.Coupon), x.Held.Status == UserCouponStatus.Used ? "used" : "available", x.Held.ClaimedAt))];
    }

    /// <summary>Coupons one may claim now: the platform's, and a store's when <paramref name="storeId"/> is given.</summary>
    public async Task<IReadOnlyList<CouponView>> OfferedAsync(long? storeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var coupons = await db.Coupons.AsNoTracking()
            .Where(c => (c.StoreId == null || c.StoreId == storeId) && !c.Stopped && c.ValidFrom <= now && c.ValidTo > now && c.Claimed < c.TotalQuantity)
            .OrderBy(c => c.StoreId).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        return [.. coupons.Select(CouponNames.View)];
    }
}
