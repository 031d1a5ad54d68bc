namespace Vermilion.Commerce.Idempotency;

internal enum IdempotencyState
{
    InFlight = 0,
    Completed = 1,
}

/// <summary>
/// A client's Idempotency-Key for one of its requests (Stripe's semantics): the first response is kept for
/// 24 hours and replayed for the same key and body.
/// </summary>
internal sealed class IdempotencyRecord
{
    public long UserId { get; init; }

    public required string Key { get; init; }

    public required string Scope { get; init; }

    public required string RequestHash { get; init; }

    public IdempotencyState State { get; set; }

    /// <summary>An in-flight claim left by a process that died may be taken over after this time.</summary>
    public DateTimeOffset LockedUntil { get; set; }

    public int ResponseStatus { get; set; }

    public string? ResponseBody { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
