namespace Vermilion.Commerce.Payments.Sandbox;

internal enum ChargeStatus
{
    Open = 0,
    Paid = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>
/// The sandbox provider's own books, standing in for an external payment company: kept apart from ours so the
/// reconciliation can compare what the provider says it took with what our ledger says.
/// </summary>
internal sealed class SandboxCharge
{
    public required string Id { get; init; }

    /// <summary>Our payment id, as the merchant's reference.</summary>
    public required string Reference { get; init; }

    public long Amount { get; init; }

    public long Refunded { get; set; }

    public ChargeStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PaidAt { get; set; }
}

/// <summary>A signed notification the sandbox will post to the merchant's webhook, at <see cref="DueAt"/>.</summary>
internal sealed class SandboxNotification
{
    public long Id { get; init; }

    public required string EventId { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>While set and in the future, one sender holds the notification: nobody else delivers it meanwhile.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The node holding the claim: a node that starts again lets go of what it held before it stopped.</summary>
    public int? ClaimedBy { get; set; }

    public int Attempts { get; set; }
}
