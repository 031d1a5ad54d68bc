using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Coupons;

/// <summary>A merchant issues a store coupon; an administrator issues a platform coupon (such as 新人首单).</summary>
internal sealed class CreateCouponHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, StoreAccess stores, IUserDirectory users, IStringLocalizer text)
{
    public async Task<Outcome<CouponView>> HandleAsync(long userId, CouponRequest request, CancellationToken cancellationToken)
    {
        long? storeId = null;
        if (request.Platform)
        {
            var person = await users.FindAsync(userId, cancellationToken);
            if (person is null || !person.Roles.Contains(Roles.Admin))
            {
                return new Failure(FailureKind.Forbidden, text["commerce.coupon.admins_only"]);
            }
        }
        else if (await stores.OpenAsync(userId, cancellationToken) is { } store)
        {
            storeId = store.Id;
        }
        else
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_open"]);
        }

        var now = clock.GetUtcNow();
        var from = request.ValidFrom ?? now;
        var to = request.ValidTo ?? now.AddDays(30);
        var errors = new FieldErrors();
        var title = (request.Title ?? "").Trim();
        var kind = request.Kind switch { "amount_off" => CouponKind.AmountOff, "percent_off" => CouponKind.PercentOff, _ => (CouponKind?)null };
        if (title.Length is 0 or > 30)
        {
            errors.Add("title", text["commerce.field.required"]);
        }

        if (kind is null)
        {
            errors.Add("kind", text["commerce.coupon.kind"]);
        }
        else if (kind == CouponKind.AmountOff ? request.Value is < 1 or > 10_000_000 : request.Value is < 1 or > 90)
        {
            errors.Add("value", text["commerce.coupon.value"]);
        }

        if (request.MinSpend is < 0 or > 100_000_000)
        {
            errors.Add("minSpend", text["commerce.money.range", 1_000_000]);
        }

        if (to <= from || to <= now || to > now.AddYears(1))
        {
            errors.Add("validTo", text["commerce.coupon.validity"]);
        }

        if (request.PerUserLimit is < 1 or > 10)
        {
            errors.Add("perUserLimit", text["commerce.coupon.per_user", 10]);
        }

        if (request.TotalQuantity is < 1 or > 10_000_000)
        {
            errors.Add("totalQuantity", text["commerce.coupon.quantity"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var coupon = new Coupon
        {
            Id = ids.Next(), StoreId = storeId, Title = title, Kind = kind!.Value, Value = request.Value, MinSpend = request.MinSpend,
            ValidFrom = from, ValidTo = to, PerUserLimit = request.PerUserLimit, TotalQuantity = request.TotalQuantity,
            FirstOrderOnly = request.FirstOrderOnly, CreatedAt = now,
        };
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync(cancellationToken);
        return CouponNames.View(coupon);
    }
}
