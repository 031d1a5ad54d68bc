namespace Vermilion.Commerce.Payments;

internal enum PaymentStatus
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>One charge at the provider for the unpaid orders of a checkout.</summary>
internal sealed class Payment
{
    public long Id { get; init; }

    public long BuyerId { get; init; }

    public long CheckoutId { get; init; }

    public long Amount { get; init; }

    public PaymentStatus Status { get; set; }

    public required string Provider { get; init; }

    /// <summary>The provider's charge id.</summary>
    public string? ProviderRef { get; set; }

    public string? IdempotencyKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Which orders a payment pays, and how much of it each one gets.</summary>
internal sealed class PaymentOrder
{
    public long PaymentId { get; init; }

    public long OrderId { get; init; }

    public long Amount { get; init; }
}

internal enum RefundStatus
{
    Pending = 0,
    Succeeded = 1,
}

/// <summary>Money going back to the buyer through the provider; <see cref="Key"/> says why, and makes it happen once.</summary>
internal sealed class Refund
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public long PaymentId { get; init; }

    public long OrderId { get; init; }

    public long? AfterSaleId { get; init; }

    public long Amount { get; init; }

    public RefundStatus Status { get; set; }

    public string? ProviderRef { get; set; }

    public required string Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A provider notification already applied (by the provider's event id): a replay changes nothing.</summary>
internal sealed class ProviderEvent
{
    public required string EventId { get; init; }

    public required string Type { get; init; }

    public required string Reference { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
