namespace Vermilion.Commerce;

/// <summary>The <c>Commerce</c> configuration section; every deadline is read through the injected clock.</summary>
internal sealed class CommerceOptions
{
    /// <summary>The platform's fee on a completed order, in basis points (500 = 5 %).</summary>
    public int PlatformFeeBasisPoints { get; set; } = 500;

    /// <summary>An unpaid order closes and releases its stock after this long.</summary>
    public int PayWithinMinutes { get; set; } = 30;

    /// <summary>A shipped order counts as delivered after this many days.</summary>
    public int AutoDeliverDays { get; set; } = 10;

    /// <summary>A delivered order completes (and the seller is paid) after this many days without the buyer confirming.</summary>
    public int AutoCompleteDays { get; set; } = 7;

    /// <summary>The merchant must answer an after-sales request within this many hours, or it is approved.</summary>
    public int AfterSaleRespondHours { get; set; } = 48;

    /// <summary>After the buyer ships a return, the merchant must confirm receipt within this many days, or the refund goes out.</summary>
    public int ReturnReceiveDays { get; set; } = 7;

    /// <summary>How often the background jobs look for due work.</summary>
    public int JobIntervalSeconds { get; set; } = 15;

    /// <summary>How long a request waits for another in flight with the same Idempotency-Key before it is told 409.</summary>
    public int IdempotencyWaitSeconds { get; set; } = 10;

    public SandboxOptions Sandbox { get; set; } = new();
}

internal sealed class SandboxOptions
{
    /// <summary>
    /// The secret the sandbox signs its notifications with; when empty, one is generated into the data directory
    /// (see <see cref="Payments.Sandbox.SandboxWebhookSecret"/>).
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How late "pay late" delivers the payment notification.</summary>
    public int LateNotificationSeconds { get; set; } = 120;

    /// <summary>How far a notification's timestamp may be from now before it is refused as a replay.</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;
}
