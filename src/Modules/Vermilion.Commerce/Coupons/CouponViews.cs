namespace Vermilion.Commerce.Coupons;

public sealed record CouponRequest(
    string? Title,
    string? Kind,
    long Value,
    long MinSpend,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    int PerUserLimit,
    int TotalQuantity,
    bool FirstOrderOnly = false,
    bool Platform = false);

public sealed record CouponView(
    string Id,
    string? StoreId,
    string Title,
    string Kind,
    long Value,
    long MinSpend,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    int PerUserLimit,
    int TotalQuantity,
    int Claimed,
    bool FirstOrderOnly,
    bool Stopped);

public sealed record HeldCouponView(string Id, CouponView Coupon, string Status, DateTimeOffset ClaimedAt);

internal static class CouponNames
{
    public static CouponView View(Coupon c) => new(
        Kernel.Ids.ShortId.Encode(c.Id), c.StoreId is { } s ? Kernel.Ids.ShortId.Encode(s) : null, c.Title,
        c.Kind == CouponKind.AmountOff ? "amount_off" : "percent_off", c.Value, c.MinSpend, c.ValidFrom, c.ValidTo,
        c.PerUserLimit, c.TotalQuantity, c.Claimed, c.FirstOrderOnly, c.Stopped);
}
