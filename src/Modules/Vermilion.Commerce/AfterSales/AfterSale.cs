namespace Vermilion.Commerce.AfterSales;

internal enum AfterSaleKind
{
    RefundOnly = 0,
    ReturnAndRefund = 1,
    Exchange = 2,
}

/// <summary>
/// requested → approved (by the merchant, or automatically at the deadline) or rejected; refund only → refunded;
/// return → the buyer ships it back → the merchant receives it (or the deadline passes) → refunded or exchanged.
/// </summary>
internal enum AfterSaleStatus
{
    Requested = 0,
    Approved = 1,
    Rejected = 2,
    ReturnShipped = 3,
    Refunded = 4,
    Exchanged = 5,
    Cancelled = 6,
}

/// <summary>An after-sales request (售后) on an order.</summary>
internal sealed class AfterSale
{
    public const int ReasonMax = 200;
    public const int PhotosMax = 6;

    /// <summary>The statuses of an open request, as SQL: the database holds at most one open request per order.</summary>
    public const string OpenFilter = "status IN (0, 1, 3)";

    public long Id { get; init; }

    public long OrderId { get; init; }

    public long BuyerId { get; init; }

    public long StoreId { get; init; }

    public AfterSaleKind Kind { get; init; }

    public AfterSaleStatus Status { get; set; }

    public required string Reason { get; init; }

    public string PhotoKeys { get; init; } = "";

    /// <summary>The refund asked for; zero for an exchange.</summary>
    public long Amount { get; init; }

    /// <summary>What was really paid back for this request: never more than was left of the order to refund.</summary>
    public long Refunded { get; set; }

    /// <summary>When the merchant must have acted by, else the request goes through by itself.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? ReturnCarrier { get; set; }

    public string? ReturnTracking { get; set; }

    public string? ResendCarrier { get; set; }

    public string? ResendTracking { get; set; }

    public string? MerchantNote { get; set; }

    public bool AutoApproved { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset? ReturnShippedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOpen => Status is AfterSaleStatus.Requested or AfterSaleStatus.Approved or AfterSaleStatus.ReturnShipped;

    public IReadOnlyList<string> Photos => PhotoKeys.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
