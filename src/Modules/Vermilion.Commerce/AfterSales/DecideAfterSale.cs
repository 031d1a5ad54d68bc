using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.AfterSales;

/// <summary>
/// The merchant approves or rejects a request (with a reason), or the deadline approves it. A refund-only request
/// pays out at once; a return waits for the goods to come back.
/// </summary>
internal sealed class DecideAfterSaleHandler(CommerceDb db, TimeProvider clock, OutboxWriter outbox, AfterSaleRefund refunder, RefundDesk refunds, StoreAccess stores, IStringLocalizer text)
{
    public async Task<Outcome<AfterSaleView>> HandleAsync(long merchantId, long afterSaleId, AfterSaleDecision decision, CancellationToken cancellationToken)
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

        var note = (decision.Note ?? "").Trim();
        if (!decision.Approve && note.Length is 0 or > 200)
        {
            return Failure.Invalid("note", text["commerce.aftersale.reject_reason"]);
        }

        var outcome = await DecideAsync(afterSaleId, decision.Approve, automatically: false, note.Length > 0 ? note : null, cancellationToken);
        return outcome is null
            ? new Failure(FailureKind.Conflict, text["commerce.aftersale.already_decided"])
            : AfterSaleNames.View(outcome);
    }

    /// <summary>Applies a decision if the request is still waiting for one; null if it is not.</summary>
    public async Task<AfterSale?> DecideAsync(long afterSaleId, bool approve, bool automatically, string? note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long refundId = 0;
        AfterSale afterSale;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var next = !approve ? AfterSaleStatus.Rejected
                : (await db.AfterSales.Where(a => a.Id == afterSaleId).Select(a => a.Kind).FirstAsync(cancellationToken)) == AfterSaleKind.RefundOnly ? AfterSaleStatus.Refunded
                : AfterSaleStatus.Approved;
            var won = await db.AfterSales.Where(a => a.Id == afterSaleId && a.Status == AfterSaleStatus.Requested)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, next).SetProperty(a => a.DecidedAt, now).SetProperty(a => a.AutoApproved, automatically)
                    .SetProperty(a => a.MerchantNote, note).SetProperty(a => a.DueAt, (DateTimeOffset?)null)
                    .SetProperty(a => a.ClosedAt, next == AfterSaleStatus.Approved ? null : now), cancellationToken);
            if (won == 0)
            {
                return null;
            }

            afterSale = await db.AfterSales.AsNoTracking().FirstAsync(a => a.Id == afterSaleId, cancellationToken);
            if (next == AfterSaleStatus.Refunded)
            {
                refundId = await refunder.BookAsync(afterSale, now, cancellationToken);
            }

            db.OutboxMessages.Add(outbox.Wrap(new AfterSaleDecided(afterSaleId, afterSale.OrderId, afterSale.BuyerId, approve, automatically)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (refundId != 0)
        {
            await refunds.SendAsync(refundId, cancellationToken);
        }

        return afterSale;
    }
}
