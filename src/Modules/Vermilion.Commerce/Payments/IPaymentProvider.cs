namespace Vermilion.Commerce.Payments;

internal sealed record ChargeStarted(string ChargeId, string RedirectUrl);

internal enum ProviderChargeState
{
    Open,
    Paid,
    Failed,
    Cancelled,
    Unknown,
}

/// <summary>A charge as the provider's own records have it: what it is for, how much, and where it stands.</summary>
internal sealed record ProviderCharge(string Id, string Reference, long Amount, string Currency, ProviderChargeState State)
{
    /// <summary>Whether this charge is for exactly our payment's amount, in the platform's currency.</summary>
    public bool IsFor(Payment payment) => Amount == payment.Amount && Currency == Kernel.Finance.Money.Cny;
}

/// <summary>A notification the provider sent, once its signature was checked. Its body is a claim, not a fact.</summary>
internal sealed record ProviderNotice(string EventId, string Type, string ChargeId, string Reference, long Amount, string Currency, string? RefundKey, DateTimeOffset At);

/// <summary>
/// The seam to a payment company. Every call is idempotent on the provider's side (a refund by its key), so a
/// retry after a crash is always safe.
/// </summary>
internal interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Opens a charge for our payment; asked again for the same payment, it answers the charge already open.</summary>
    Task<ChargeStarted> CreateChargeAsync(long paymentId, long amount, CancellationToken cancellationToken);

    /// <summary>Fetches the charge from the provider: null if the provider knows no such charge.</summary>
    Task<ProviderCharge?> FetchChargeAsync(string chargeId, CancellationToken cancellationToken);

    /// <summary>Cancels an open charge; false when it was paid first (then the payment must be applied instead).</summary>
    Task<bool> CancelChargeAsync(string chargeId, CancellationToken cancellationToken);

    /// <summary>Refunds part of a paid charge; the same key refunds once. Returns the provider's refund id.</summary>
    Task<string> RefundAsync(string chargeId, string refundKey, long amount, CancellationToken cancellationToken);

    /// <summary>Reads a webhook body if its signature is good and fresh; null otherwise.</summary>
    ProviderNotice? ReadNotification(string body, string? signature);
}
