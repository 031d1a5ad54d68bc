namespace Vermilion.Commerce.Coupons;

internal enum CouponKind
{
    AmountOff = 0,
    PercentOff = 1,
}

/// <summary>
/// A coupon (优惠券) a person claims and spends at checkout: the platform's (no store) or a store's; amount off
/// (fen) or percent off; with a minimum spend, validity, a limit per person and a total quantity.
/// </summary>
internal sealed class Coupon
{
    public long Id { get; init; }

    /// <summary>Null for a platform coupon, which the platform funds.</summary>
    public long? StoreId { get; init; }

    public required string Title { get; set; }

    public CouponKind Kind { get; init; }

    /// <summary>Fen off, or percent off (1–90).</summary>
    public long Value { get; init; }

    public long MinSpend { get; init; }

    public DateTimeOffset ValidFrom { get; init; }

    public DateTimeOffset ValidTo { get; init; }

    public int PerUserLimit { get; init; }

    public int TotalQuantity { get; init; }

    public int Claimed { get; set; }

    /// <summary>新人首单: only for a person's first order on the platform.</summary>
    public bool FirstOrderOnly { get; init; }

    public bool Stopped { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The discount on goods worth <paramref name="spend"/>, never more than the goods.</summary>
    public long DiscountOn(long spend) =>
        spend < MinSpend ? 0 : Math.Min(spend, Kind == CouponKind.AmountOff ? Value : spend * Value / 100);
}

internal enum UserCouponStatus
{
    Available = 0,
    Used = 1,
}

/// <summary>
/// A coupon in a person's hands. <see cref="Seq"/> counts their claims of that coupon (1..limit) under a unique
/// key, so two claims at once cannot both be the person's last one.
/// </summary>
internal sealed class UserCoupon
{
    public long Id { get; init; }

    public long CouponId { get; init; }

    public long UserId { get; init; }

    public int Seq { get; init; }

    public UserCouponStatus Status { get; set; }

    public long? CheckoutId { get; set; }

    public DateTimeOffset ClaimedAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
