using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments;

public sealed record PaymentView(string Id, string Status, long Amount, IReadOnlyList<string> OrderIds, string? PayUrl);

/// <summary>
/// Starts paying an order: one charge at the provider for every unpaid order of its checkout. An open payment for
/// exactly those orders is reused, so paying twice never makes two charges; one for a different set is stopped
/// at the provider first. The database holds one open payment per checkout, and the provider one open charge per
/// payment, so requests racing each other end on the same charge too.
/// </summary>
internal sealed class PayOrderHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, IPaymentProvider provider, PaymentApplier applier, IStringLocalizer text)
{
    public async Task<Outcome<PaymentView>> HandleAsync(long buyerId, long orderId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.BuyerId == buyerId && p.IdempotencyKey == idempotencyKey, cancellationToken) is { } keyed)
        {
            return await ViewAsync(keyed, cancellationToken);
        }

        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (order is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        if (order.Status != OrderStatus.PendingPayment)
        {
            return new Failure(FailureKind.Conflict, text["commerce.order.not_payable"]);
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CheckoutId == order.CheckoutId && o.Status == OrderStatus.PendingPayment && o.PayBy > clock.GetUtcNow())
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            return new Failure(FailureKind.Conflict, text["commerce.order.not_payable"]);
        }

        var wanted = orders.Select(o => o.Id).ToHashSet();
        var open = await db.Payments.AsNoTracking().Where(p => p.CheckoutId == order.CheckoutId && p.Status == PaymentStatus.Pending).ToListAsync(cancellationToken);
        foreach (var payment in open)
        {
            var covers = await db.PaymentOrders.Where(p => p.PaymentId == payment.Id).Select(p => p.OrderId).ToListAsync(cancellationToken);
            if (covers.ToHashSet().SetEquals(wanted))
            {
                return await ViewAsync(payment, cancellationToken);
            }

            if (payment.ProviderRef is not null && !await provider.CancelChargeAsync(payment.ProviderRef, cancellationToken))
            {
                await applier.ApplySucceededAsync(payment.Id, cancellationToken);
                return new Failure(FailureKind.Conflict, text["commerce.order.not_payable"]);
            }

            await applier.ApplyEndedAsync(payment.Id, PaymentStatus.Cancelled, cancellationToken);
        }

        var created = new Payment
        {
            Id = ids.Next(),
            BuyerId = buyerId,
            CheckoutId = order.CheckoutId,
            Amount = orders.Sum(o => o.Total),
            Status = PaymentStatus.Pending,
            Provider = provider.Name,
            IdempotencyKey = idempotencyKey,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Payments.Add(created);
        db.PaymentOrders.AddRange(orders.Select(o => new PaymentOrder { PaymentId = created.Id, OrderId = o.Id, Amount = o.Total }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // A twin request opened the checkout's payment first (the database allows one open payment per checkout,
            // and one per idempotency key): answer with that one, so the buyer is never charged twice.
            db.ChangeTracker.Clear();
            var winner = await db.Payments.AsNoTracking()
                .Where(p => (idempotencyKey != null && p.BuyerId == buyerId && p.IdempotencyKey == idempotencyKey)
                    || (p.CheckoutId == order.CheckoutId && p.Status == PaymentStatus.Pending))
                .OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            return winner is null ? new Failure(FailureKind.Conflict, text["commerce.order.not_payable"]) : await ViewAsync(winner, cancellationToken);
        }

        // The charge is made after our row exists: a crash in between leaves a payment without a charge, which a
        // retry reuses (and which starts its charge then); never a charge we know nothing about.
        return await ViewAsync(created, cancellationToken);
    }

    private async Task<PaymentView> ViewAsync(Payment payment, CancellationToken cancellationToken)
    {
        string? url = null;
        if (payment.Status == PaymentStatus.Pending)
        {
            var charge = payment.ProviderRef;
            if (charge is null)
            {
                var started = await provider.CreateChargeAsync(payment.Id, payment.Amount, cancellationToken);
                var set = await db.Payments.Where(p => p.Id == payment.Id && p.ProviderRef == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.ProviderRef, started.ChargeId), cancellationToken);
                charge = set == 1 ? started.ChargeId : await db.Payments.Where(p => p.Id == payment.Id).Select(p => p.ProviderRef).FirstAsync(cancellationToken);
                if (set == 0 && started.ChargeId != charge)
                {
                    await provider.CancelChargeAsync(started.ChargeId, cancellationToken); // another request attached its charge first
                }
            }

            url = "/pay/sandbox/" + charge;
        }

        var orderIds = await db.PaymentOrders.Where(p => p.PaymentId == payment.Id).Select(p => p.OrderId).ToListAsync(cancellationToken);
        var status = await db.Payments.Where(p => p.Id == payment.Id).Select(p => p.Status).FirstAsync(cancellationToken);
        return new PaymentView(ShortId.Encode(payment.Id), status.ToString().ToLowerInvariant(), payment.Amount, [.. orderIds.Select(ShortId.Encode)], status == PaymentStatus.Pending ? url : null);
    }
}
