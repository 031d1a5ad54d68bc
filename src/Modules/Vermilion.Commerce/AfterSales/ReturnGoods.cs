using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;

namespace Vermilion.Commerce.AfterSales;

/// <summary>
/// The return leg of an approved return or exchange: the buyer ships the goods back with a tracking number; the
/// merchant confirms receipt (or the deadline does), which pays the refund or, for an exchange, sends the new item.
/// </summary>
internal sealed class ReturnGoodsHandler(CommerceDb db, TimeProvider clock, AfterSaleRefund refunder, RefundDesk refunds, StoreAccess stores, IOptions<CommerceOptions> options, IStringLocalizer text)
{
    public async Task<Outcome<AfterSaleView>> ShipBackAsync(long buyerId, long afterSaleId, ReturnShipmentRequest request, CancellationToken cancellationToken)
    {
        var carrier = (request.Carrier ?? "").Trim();
        var tracking = (request.TrackingNumber ?? "").Trim();
        if (Tracking(carrier, tracking) is { } invalid)
        {
            return invalid;
        }

        if (!await db.AfterSales.AnyAsync(a => a.Id == afterSaleId && a.BuyerId == buyerId, cancellationToken))
        {
            return new Failure(FailureKind.NotFound, text["commerce.aftersale.not_found"]);
        }

        var now = clock.GetUtcNow();
        var due = now.AddDays(options.Value.ReturnReceiveDays);
        var shipped = await db.AfterSales.Where(a => a.Id == afterSaleId && a.Status == AfterSaleStatus.Approved && a.Kind != AfterSaleKind.RefundOnly)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AfterSaleStatus.ReturnShipped).SetProperty(a => a.ReturnCarrier, carrier)
                .SetProperty(a => a.ReturnTracking, tracking).SetProperty(a => a.ReturnShippedAt, now).SetProperty(a => a.DueAt, due), cancellationToken);
        return shipped == 0
            ? new Failure(FailureKind.Conflict, text["commerce.aftersale.not_awaiting_return"])
            : AfterSaleNames.View(await db.AfterSales.AsNoTracking().FirstAsync(a => a.Id == afterSaleId, cancellationToken));
    }

    public async Task<Outcome<AfterSaleView>> ReceiveAsync(long merchantId, long afterSaleId, ReturnShipmentRequest? resend, CancellationToken cancellationToken)
    {
        var found = await db.AfterSales.AsNoTracking().FirstOrDefaultAsync(a => a.Id == afterSaleId, cancellationToken);
        if (found is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.aftersale.not_found"]);
        }

        if ((await stores.OwnedAsync(merchantId, cancellationToken))?.Id != found.StoreId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
        }

        if (found.Kind == AfterSaleKind.Exchange && Tracking((resend?.Carrier ?? "").Trim(), (resend?.TrackingNumber ?? "").Trim()) is { } invalid)
        {
            return invalid;
        }

        var done = await ReceivedAsync(afterSaleId, resend, cancellationToken);
        return done is null ? new Failure(FailureKind.Conflict, text["commerce.aftersale.not_awaiting_receipt"]) : AfterSaleNames.View(done);
    }

    /// <summary>Completes a return whose goods came back; null if it is not waiting for them.</summary>
    public async Task<AfterSale?> ReceivedAsync(long afterSaleId, ReturnShipmentRequest? resend, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long refundId = 0;
        AfterSale afterSale;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var kind = await db.AfterSales.Where(a => a.Id == afterSaleId).Select(a => a.Kind).FirstAsync(cancellationToken);
            var next = kind == AfterSaleKind.Exchange ? AfterSaleStatus.Exchanged : AfterSaleStatus.Refunded;
            var won = await db.AfterSales.Where(a => a.Id == afterSaleId && a.Status == AfterSaleStatus.ReturnShipped)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, next).SetProperty(a => a.ClosedAt, now).SetProperty(a => a.DueAt, (DateTimeOffset?)null)
                    .SetProperty(a => a.ResendCarrier, resend == null ? null : resend.Carrier).SetProperty(a => a.ResendTracking, resend == null ? null : resend.TrackingNumber), cancellationToken);
            if (won == 0)
            {
                return null;
            }

            afterSale = await db.AfterSales.AsNoTracking().FirstAsync(a => a.Id == afterSaleId, cancellationToken);
            if (next == AfterSaleStatus.Refunded)
            {
                refundId = await refunder.BookAsync(afterSale, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (refundId != 0)
        {
            await refunds.SendAsync(refundId, cancellationToken);
        }

        return afterSale;
    }

    private Failure? Tracking(string carrier, string tracking)
    {
        var errors = new FieldErrors();
        if (carrier.Length is 0 or > 20)
        {
            errors.Add("carrier", text["commerce.ship.carrier"]);
        }

        if (tracking.Length is < 6 or > 40 || !tracking.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("trackingNumber", text["commerce.ship.tracking"]);
        }

        return errors.IsEmpty ? null : Failure.Invalid(errors, text["common.invalid"]);
    }
}
