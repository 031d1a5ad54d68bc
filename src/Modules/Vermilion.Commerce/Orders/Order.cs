namespace Vermilion.Commerce.Orders;

/// <summary>
/// pending payment → paid → shipped → delivered → completed; pending payment → cancelled (by the buyer) or closed
/// (unpaid in time); a paid order refunded in full before completion is closed too.
/// </summary>
internal enum OrderStatus
{
    PendingPayment = 0,
    Paid = 1,
    Shipped = 2,
    Delivered = 3,
    Completed = 4,
    Cancelled = 5,
    Closed = 6,
}

/// <summary>What one store sells one buyer in one checkout. Every amount is in fen and computed by the server.</summary>
internal sealed class Order
{
    public long Id { get; init; }

    public long CheckoutId { get; init; }

    public long BuyerId { get; init; }

    public long StoreId { get; init; }

    public OrderStatus Status { get; set; }

    public long Subtotal { get; init; }

    public long ShippingFee { get; init; }

    /// <summary>Taken off by the store's coupon: the store bears it.</summary>
    public long StoreDiscount { get; init; }

    /// <summary>Taken off by a platform coupon: the platform funds it into escrow when the order is paid.</summary>
    public long PlatformDiscount { get; init; }

    /// <summary>What the buyer pays: subtotal + shipping − discounts.</summary>
    public long Total { get; init; }

    /// <summary>Refunded to the buyer so far; never more than <see cref="Total"/>.</summary>
    public long Refunded { get; set; }

    public long? StoreCouponId { get; init; }

    public long? PlatformCouponId { get; init; }

    public long? NoteId { get; init; }

    /// <summary>Whether the note's author earns the commission, decided at placement (see <see cref="Orders.CreatorCredit"/>).</summary>
    public CreatorCredit CreatorCredit { get; init; }

    /// <summary>The credited creator: set only when <see cref="CreatorCredit"/> is <c>Credited</c>.</summary>
    public long? CreatorId { get; init; }

    public int CommissionBasisPoints { get; init; }

    public int PlatformFeeBasisPoints { get; init; }

    public long? FlashSaleId { get; init; }

    public required string ShipName { get; init; }

    public required string ShipPhone { get; init; }

    public required string ShipRegion { get; init; }

    public required string ShipAddress { get; init; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public DateTimeOffset PayBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The payment whose money is in escrow for this order.</summary>
    public long? PaymentId { get; set; }

    /// <summary>Whether the order's units went back to stock (it ended before anything was shipped).</summary>
    public bool StockReleased { get; set; }

    public List<OrderLine> Lines { get; init; } = [];

    /// <summary>What escrow receives when the order is paid: the buyer's money plus the platform's coupon.</summary>
    public long EscrowFunded => Total + PlatformDiscount;

    public bool IsOpen => Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered;
}

internal sealed class OrderLine
{
    public long OrderId { get; init; }

    public int Position { get; init; }

    public long SkuId { get; init; }

    public long ProductId { get; init; }

    public required string Title { get; init; }

    public string Specs { get; init; } = "";

    public string? ImageKey { get; init; }

    public long UnitPrice { get; init; }

    public int Quantity { get; init; }

    public long Amount { get; init; }
}

/// <summary>Every transition of an order, with its time and who made it.</summary>
internal sealed class OrderEvent
{
    public long Id { get; init; }

    public long OrderId { get; init; }

    public OrderStatus? From { get; init; }

    public OrderStatus To { get; init; }

    public long? ActorId { get; init; }

    /// <summary>buyer, merchant, system or provider.</summary>
    public required string ActorKind { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}

/// <summary>One placement of the cart: one order per store, paid together, keyed by the client's Idempotency-Key.</summary>
internal sealed class Checkout
{
    public long Id { get; init; }

    public long BuyerId { get; init; }

    public string? IdempotencyKey { get; set; }

    public long Total { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
