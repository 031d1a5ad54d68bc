using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Reconciliation;

/// <summary>
/// Proves the books: reads the ledger, the orders, our payments and refunds, the provider's charges and the
/// stock, and reports every place where they disagree. Read-only; run it any time (the <c>reconcile</c> command).
/// </summary>
internal sealed class Reconciler(CommerceDb db) : IReconciliation
{
    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<string>();
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        await LedgerAsync(mismatches, figures, cancellationToken);
        await OrdersAsync(mismatches, figures, cancellationToken);
        await ProviderAsync(mismatches, figures, cancellationToken);
        await StockAsync(mismatches, figures, cancellationToken);
        return new ReconciliationReport(mismatches, figures);
    }

    private async Task LedgerAsync(List<string> mismatches, Dictionary<string, long> figures, CancellationToken cancellationToken)
    {
        var total = await db.LedgerPostings.SumAsync(p => (long?)p.Amount, cancellationToken) ?? 0;
        figures["ledger.entries"] = await db.LedgerEntries.CountAsync(cancellationToken);
        figures["ledger.sum"] = total;
        if (total != 0)
        {
            mismatches.Add(Say($"The ledger sums to {total} fen, not zero."));
        }

        var unbalanced = await db.LedgerPostings.GroupBy(p => p.EntryId).Where(g => g.Sum(p => p.Amount) != 0).Select(g => g.Key).OrderBy(k => k).Take(20).ToListAsync(cancellationToken);
        mismatches.AddRange(unbalanced.Select(e => Say($"Ledger entry {ShortId.Encode(e)} does not balance.")));
        figures["escrow.balance"] = await db.LedgerPostings.Where(p => p.Account == LedgerAccounts.Escrow).SumAsync(p => (long?)p.Amount, cancellationToken) ?? 0;
        figures["platform.balance"] = await db.LedgerPostings.Where(p => p.Account == LedgerAccounts.Platform).SumAsync(p => (long?)p.Amount, cancellationToken) ?? 0;
    }

    private async Task OrdersAsync(List<string> mismatches, Dictionary<string, long> figures, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().ToListAsync(cancellationToken);
        var escrow = await db.LedgerPostings.Where(p => p.Account == LedgerAccounts.Escrow && p.OrderId != null)
            .GroupBy(p => p.OrderId!.Value).Select(g => new { g.Key, Sum = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, cancellationToken);
        var buyers = await db.LedgerPostings.Where(p => p.Account.StartsWith("buyer:") && p.OrderId != null)
            .GroupBy(p => p.OrderId!.Value).Select(g => new { g.Key, Sum = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, cancellationToken);
        var keys = (await db.LedgerEntries.Where(e => e.Key.StartsWith("capture:") || e.Key.StartsWith("settle:")).Select(e => e.Key).ToListAsync(cancellationToken)).ToHashSet();
        var refunds = await db.Refunds.AsNoTracking().ToListAsync(cancellationToken);
        var refunded = refunds.Where(r => r.Reason != "duplicate").GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        figures["orders"] = orders.Count;
        figures["orders.paid"] = orders.Count(o => o.PaymentId is not null);
        foreach (var o in orders)
        {
            var id = ShortId.Encode(o.Id);
            var captured = keys.Contains("capture:" + id);
            if (captured != (o.PaymentId is not null))
            {
                mismatches.Add(Say($"Order {id} ({OrderNames.Of(o.Status)}): {(captured ? "money booked without a payment" : "paid but no capture in the ledger")}."));
            }

            if (keys.Contains("settle:" + id) != (o.Status == OrderStatus.Completed))
            {
                mismatches.Add(Say($"Order {id} ({OrderNames.Of(o.Status)}): settlement {(o.Status == OrderStatus.Completed ? "missing" : "booked too early")}."));
            }

            var expectedEscrow = o.IsOpen ? o.EscrowFunded - o.Refunded : 0;
            if (escrow.GetValueOrDefault(o.Id) != expectedEscrow)
            {
                mismatches.Add(Say($"Order {id} ({OrderNames.Of(o.Status)}): escrow holds {escrow.GetValueOrDefault(o.Id)}, expected {expectedEscrow}."));
            }

            var expectedBuyer = o.PaymentId is null ? 0 : -(o.Total - o.Refunded);
            if (buyers.GetValueOrDefault(o.Id) != expectedBuyer)
            {
                mismatches.Add(Say($"Order {id}: the buyer's net is {buyers.GetValueOrDefault(o.Id)}, expected {expectedBuyer}."));
            }

            if (refunded.GetValueOrDefault(o.Id) != o.Refunded || o.Refunded > o.Total)
            {
                mismatches.Add(Say($"Order {id}: refunded {o.Refunded} but refunds add up to {refunded.GetValueOrDefault(o.Id)}."));
            }

            if (o.Status is OrderStatus.Cancelled or OrderStatus.Closed && o.PaymentId is not null && o.Refunded != o.Total)
            {
                mismatches.Add(Say($"Order {id} ended but kept {o.Total - o.Refunded} of the buyer's money."));
            }
        }
    }

    private async Task ProviderAsync(List<string> mismatches, Dictionary<string, long> figures, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking().ToListAsync(cancellationToken);
        var charges = await db.SandboxCharges.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var refunds = await db.Refunds.AsNoTracking().ToListAsync(cancellationToken);
        var parts = await db.PaymentOrders.AsNoTracking().ToListAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.PaymentId, cancellationToken);
        figures["payments.succeeded"] = payments.Count(p => p.Status == PaymentStatus.Succeeded);
        figures["refunds.pending"] = refunds.Count(r => r.Status == RefundStatus.Pending);
        foreach (var payment in payments.Where(p => p.Provider == SandboxProvider.ProviderName))
        {
            var id = ShortId.Encode(payment.Id);
            var charge = payment.ProviderRef is null ? null : charges.GetValueOrDefault(payment.ProviderRef);
            var paid = charge?.Status == ChargeStatus.Paid;
            if (paid != (payment.Status == PaymentStatus.Succeeded))
            {
                mismatches.Add(Say($"Payment {id} is {payment.Status} but the provider's charge is {charge?.Status.ToString() ?? "missing"}."));
            }

            if (charge is not null && charge.Amount != payment.Amount)
            {
                mismatches.Add(Say($"Payment {id} is for {payment.Amount} but the provider charged {charge.Amount}."));
            }

            var mine = refunds.Where(r => r.PaymentId == payment.Id).ToList();
            var sent = mine.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount);
            var inTransit = mine.Where(r => r.Status == RefundStatus.Pending).Sum(r => r.Amount);
            if (charge is not null && (charge.Refunded < sent || charge.Refunded > sent + inTransit))
            {
                mismatches.Add(Say($"Payment {id}: the provider refunded {charge.Refunded}, our refunds say {sent} (+{inTransit} in transit)."));
            }

            if (payment.Status == PaymentStatus.Succeeded)
            {
                foreach (var part in parts.Where(p => p.PaymentId == payment.Id))
                {
                    var kept = orders.GetValueOrDefault(part.OrderId) == payment.Id;
                    var returned = mine.Any(r => r.OrderId == part.OrderId && r.Reason is "duplicate" or "late");
                    if (!kept && !returned)
                    {
                        mismatches.Add(Say($"Payment {id} took money for order {ShortId.Encode(part.OrderId)} that neither the order kept nor a refund returned (double charge)."));
                    }
                }
            }
        }

        var ours = payments.Where(p => p.ProviderRef is not null).Select(p => p.ProviderRef!).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in charges.Values.Where(c => c.Status == ChargeStatus.Paid && !ours.Contains(c.Id)))
        {
            mismatches.Add(Say($"The provider charged {orphan.Amount} ({orphan.Id}) for no payment of ours."));
        }
    }

    private async Task StockAsync(List<string> mismatches, Dictionary<string, long> figures, CancellationToken cancellationToken)
    {
        var held = await db.OrderLines.Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { l.SkuId, l.Quantity, o.StockReleased, o.FlashSaleId })
            .Where(x => !x.StockReleased && x.FlashSaleId == null).GroupBy(x => x.SkuId).Select(g => new { g.Key, Held = g.Sum(x => x.Quantity) })
            .ToDictionaryAsync(g => g.Key, g => g.Held, cancellationToken);
        var sales = await db.FlashSales.AsNoTracking().ToListAsync(cancellationToken);
        var flashHeld = await db.OrderLines.Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { l.Quantity, o.StockReleased, o.FlashSaleId })
            .Where(x => !x.StockReleased && x.FlashSaleId != null).GroupBy(x => x.FlashSaleId!.Value).Select(g => new { g.Key, Held = g.Sum(x => x.Quantity) })
            .ToDictionaryAsync(g => g.Key, g => g.Held, cancellationToken);
        var guards = await db.FlashPurchases.GroupBy(p => p.FlashSaleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var skus = await db.Skus.AsNoTracking().ToListAsync(cancellationToken);
        figures["skus"] = skus.Count;
        figures["stock.available"] = skus.Sum(s => (long)s.Stock);
        foreach (var sku in skus)
        {
            var allocated = sales.Where(f => f.SkuId == sku.Id).Sum(f => f.Quantity);
            if (sku.Stock < 0 || sku.Stocked != sku.Stock + held.GetValueOrDefault(sku.Id) + allocated)
            {
                mismatches.Add(Say($"SKU {ShortId.Encode(sku.Id)}: stocked {sku.Stocked} ≠ in stock {sku.Stock} + held by orders {held.GetValueOrDefault(sku.Id)} + flash sales {allocated}."));
            }
        }

        foreach (var sale in sales)
        {
            var taken = flashHeld.GetValueOrDefault(sale.Id);
            if (sale.Remaining < 0 || sale.Quantity != sale.Remaining + taken || guards.GetValueOrDefault(sale.Id) != taken)
            {
                mismatches.Add(Say($"Flash sale {ShortId.Encode(sale.Id)}: {sale.Quantity} units ≠ {sale.Remaining} left + {taken} in orders ({guards.GetValueOrDefault(sale.Id)} buyer slots)."));
            }
        }
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
