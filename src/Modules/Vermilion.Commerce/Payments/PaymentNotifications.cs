using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Vermilion.Kernel.Finance;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments;

internal enum NotificationResult
{
    Applied,
    Duplicate,
    Rejected,
    Unknown,

    /// <summary>Signed, but its amount or currency is not our payment's: nothing is applied, and operators are alerted.</summary>
    Mismatch,

    /// <summary>Signed, but the provider's own record of the charge does not (yet) say so: nothing is applied; the provider retries.</summary>
    Unconfirmed,
}

/// <summary>
/// The provider's webhook: a notification is believed only with a good, fresh signature; a bad one is refused and
/// logged. Even then its body is only a claim: money is applied when the amount and currency are our payment's
/// and the provider's own record of the charge (fetched, not read from the event) says it was paid. Each event id
/// is applied once (a duplicate is acknowledged and ignored), and the payment's own state machine makes late and
/// out-of-order notifications harmless.
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
            LogDuplicate(logger, notice.EventId);
            return NotificationResult.Duplicate;
        }

        var payment = ShortId.TryDecode(notice.Reference, out var paymentId)
            ? await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.ProviderRef == notice.ChargeId, cancellationToken)
            : null;
        if (payment is null)
        {
            LogUnknown(logger, notice.EventId, notice.ChargeId);
            return NotificationResult.Unknown;
        }

        switch (notice.Type)
        {
            case "charge.succeeded":
                if (await ConfirmPaidAsync(notice, payment, cancellationToken) is { } refused)
                {
                    return refused;
                }

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

        return await RecordAsync(notice, cancellationToken) ? NotificationResult.Applied : NotificationResult.Duplicate;
    }

    /// <summary>Null when the claim holds: the notice and the provider's record both say this payment's full amount was paid.</summary>
    private async Task<NotificationResult?> ConfirmPaidAsync(ProviderNotice notice, Payment payment, CancellationToken cancellationToken)
    {
        if (notice.Amount != payment.Amount || notice.Currency != Money.Cny)
        {
            LogMismatch(logger, notice.EventId, payment.Id, notice.Amount, notice.Currency, payment.Amount, Money.Cny);
            return NotificationResult.Mismatch;
        }

        var charge = await provider.FetchChargeAsync(notice.ChargeId, cancellationToken);
        if (charge is null || charge.Reference != notice.Reference || !charge.IsFor(payment))
        {
            LogMismatch(logger, notice.EventId, payment.Id, charge?.Amount ?? 0, charge?.Currency ?? "(no charge)", payment.Amount, Money.Cny);
            return NotificationResult.Mismatch;
        }

        if (charge.State != ProviderChargeState.Paid)
        {
            LogUnconfirmed(logger, notice.EventId, notice.ChargeId, charge.State);
            return NotificationResult.Unconfirmed;
        }

        return null;
    }

    /// <summary>Remembers the event id; false when another delivery of the same event recorded it first (not an error).</summary>
    private async Task<bool> RecordAsync(ProviderNotice notice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO commerce_provider_events (event_id, type, reference, received_at) VALUES ({notice.EventId}, {notice.Type}, {notice.Reference}, {now.UtcDateTime}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            LogDuplicate(logger, notice.EventId);
        }

        return inserted == 1;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification refused: bad or stale signature {Signature}; body starts {Body}")]
    private static partial void LogRejected(ILogger logger, string signature, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification {EventId} names no payment of ours (charge {ChargeId}).")]
    private static partial void LogUnknown(ILogger logger, string eventId, string chargeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment notification {EventId} was delivered again; already applied.")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(EventId = 4001, EventName = "PaymentMismatch", Level = LogLevel.Critical,
        Message = "ALERT: payment notification {EventId} for payment {PaymentId} claims {ClaimedAmount} {ClaimedCurrency}, but the payment is {Amount} {Currency}; nothing was applied.")]
    private static partial void LogMismatch(ILogger logger, string eventId, long paymentId, long claimedAmount, string claimedCurrency, long amount, string currency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment notification {EventId} says charge {ChargeId} succeeded, but the provider has it {State}; not applied yet.")]
    private static partial void LogUnconfirmed(ILogger logger, string eventId, string chargeId, ProviderChargeState state);
}
