using Vermilion.Commerce.Orders;

namespace Vermilion.Commerce.Orders;

public sealed record OrderItemRequest(string? SkuId, int Quantity, string? NoteId = null);

public sealed record AddressRequest(string? Name, string? Phone, string? Region, string? City, string? Line, bool IsDefault = false);

/// <summary>
/// A checkout: the items (or the cart when none are given), where to deliver, and the coupons to spend.
/// Prices are never taken from the client.
/// </summary>
public sealed record PlaceOrderRequest(
    IReadOnlyList<OrderItemRequest>? Items = null,
    string? AddressId = null,
    AddressRequest? Address = null,
    IReadOnlyList<string>? CouponIds = null);

public sealed record OrderLineView(string SkuId, string ProductId, string Title, string Specs, string? ImageUrl, long UnitPrice, int Quantity, long Amount);

public sealed record OrderEventView(string? From, string To, string Actor, DateTimeOffset At, string? Note);

public sealed record OrderView(
    string Id,
    string CheckoutId,
    string BuyerId,
    string StoreId,
    string StoreName,
    string Status,
    long Subtotal,
    long ShippingFee,
    long StoreDiscount,
    long PlatformDiscount,
    long Total,
    long Refunded,
    IReadOnlyList<OrderLineView> Lines,
    string ShipName,
    string ShipPhone,
    string ShipRegion,
    string ShipAddress,
    string? Carrier,
    string? TrackingNumber,
    string? NoteId,
    string? CreatorId,
    string? CreatorName,
    string CreatorCredit,
    int CommissionBasisPoints,
    DateTimeOffset CreatedAt,
    DateTimeOffset PayBy,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<OrderEventView> History);

public sealed record CheckoutView(string Id, long Total, IReadOnlyList<OrderView> Orders);

internal static class OrderNames
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "pending_payment",
        OrderStatus.Paid => "paid",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Completed => "completed",
        OrderStatus.Cancelled => "cancelled",
        _ => "closed",
    };
}
