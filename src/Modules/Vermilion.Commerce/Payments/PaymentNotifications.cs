using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments;

internal enum NotificationResult
{
    Applied,
    Duplicate,
    Rejected,
    Unknown,
}

/// <summary>
/// The provider's webhook: a notification is believed only with a good, fresh signature; a bad one is refused and
/// logged. Each event id is applied once (a duplicate is acknowledged and ignored), and the payment's own state
/// machine makes late and out-of-order notifications harmless.
/// </summary>
internal sealed partial class PaymentNotifications(CommerceDb db, IPaymentProvider provider, PaymentApplier payments, RefundDesk refunds, TimeProvider clock, ILogger<PaymentNotifications> logger)
{
    public async Task<NotificationResult> HandleAsync(string body, string? signature, CancellationToken cancellationToken)
    {
        var notice = provider.ReadNotification(body, signature);
        if (notice is null)
        {
            LogRejected(logger, signature ?? "(none)", body.Length > 200 ? body[..200] : body);
            return NotificationResult.Rejected;
        }

        if (await db.ProviderEvents.AnyAsync(e => e.EventId == notice.EventId, cancellationToken))
        {
            return NotificationResult.Duplicate;
        }

        if (!ShortId.TryDecode(notice.Reference, out var paymentId)
            || !await db.Payments.AnyAsync(p => p.Id == paymentId && p.ProviderRef == notice.ChargeId, cancellationToken))
        {
            LogUnknown(logger, notice.EventId, notice.ChargeId);
            return NotificationResult.Unknown;
        }

        switch (notice.Type)
        {
            case "charge.succeeded":
                await payments.ApplySucceededAsync(paymentId, cancellationToken);
                break;
            case "charge.failed":
                await payments.ApplyEndedAsync(paymentId, PaymentStatus.Failed, cancellationToken);
                break;
            case "refund.succeeded" when notice.RefundKey is not null:
                await refunds.MarkSucceededAsync(notice.RefundKey, notice.EventId["evt_".Length..], cancellationToken);
                break;
            default:
                break;
        }

        db.ProviderEvents.Add(new ProviderEvent { EventId = notice.EventId, Type = notice.Type, Reference = notice.Reference, ReceivedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return NotificationResult.Duplicate; // the same event raced in twice; applying it was idempotent anyway
        }

        return NotificationResult.Applied;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification refused: bad or stale signature {Signature}; body starts {Body}")]
    private static partial void LogRejected(ILogger logger, string signature, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification {EventId} names no payment of ours (charge {ChargeId}).")]
    private static partial void LogUnknown(ILogger logger, string eventId, string chargeId);
}
