using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.FlashSales;

/// <summary>
/// One transaction for a batch of purchases of one sale, in arrival order. It first locks the sale's row (a no-op
/// update), so the units left and every buyer's purchases so far are what it reads until it commits, on any node.
/// A purchase gets a unit while units are left and its buyer has a free place under the limit, (sale, buyer, n),
/// whose primary key backs the count up; the units taken are subtracted by one conditional decrement.
/// Synchronous on purpose: it runs on the writer's own thread (see <see cref="FlashSaleWriter"/>).
/// </summary>
internal sealed class FlashSaleBatch(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, IOptions<CommerceOptions> options)
{
    public FlashVerdict[] Commit(IReadOnlyList<FlashOrder> orders)
    {
        var sale = orders[0].Sale;
        var verdicts = new FlashVerdict[orders.Count];
        using var transaction = db.Database.BeginTransaction();
        var left = db.Database
            .SqlQuery<int>($"UPDATE commerce_flash_sales SET remaining = remaining WHERE id = {sale.Id} RETURNING remaining AS \"Value\"")
            .ToList();
        if (left.Count == 0)
        {
            Array.Fill(verdicts, new FlashVerdict(FlashVerdictKind.Missing));
            return verdicts;
        }

        var buyers = orders.Select(o => o.BuyerId).Distinct().ToList();
        var places = db.FlashPurchases.AsNoTracking()
            .Where(p => p.FlashSaleId == sale.Id && buyers.Contains(p.UserId))
            .Select(p => new { p.UserId, p.Seq })
            .ToList()
            .GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Seq).ToHashSet());
        var units = left[0];
        var sold = 0;
        var now = clock.GetUtcNow();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (sold == units)
            {
                verdicts[i] = new FlashVerdict(FlashVerdictKind.SoldOut);
                continue;
            }

            var taken = places.TryGetValue(order.BuyerId, out var seqs) ? seqs : places[order.BuyerId] = [];
            // The lowest free place: a closed order gives its place back, so places need not be contiguous.
            var seq = Enumerable.Range(1, sale.PerUserLimit).FirstOrDefault(n => !taken.Contains(n));
            if (seq == 0)
            {
                verdicts[i] = new FlashVerdict(FlashVerdictKind.LimitReached);
                continue;
            }

            taken.Add(seq);
            sold++;
            verdicts[i] = new FlashVerdict(FlashVerdictKind.Bought, Place(order, seq, now));
        }

        if (sold > 0)
        {
            var decremented = db.FlashSales.Where(f => f.Id == sale.Id && f.Remaining >= sold)
                .ExecuteUpdate(u => u.SetProperty(f => f.Remaining, f => f.Remaining - sold));
            if (decremented != 1)
            {
                // Cannot happen while the row is locked; if it ever does, nothing of this batch is kept.
                throw new InvalidOperationException($"Flash sale {sale.Id} had fewer than {sold} units under its own lock.");
            }

            db.SaveChanges();
        }

        transaction.Commit();
        return verdicts;
    }

    private long Place(FlashOrder flash, int seq, DateTimeOffset now)
    {
        var line = flash.Planned.Lines[0];
        var special = new Sku { Id = line.Sku.Id, ProductId = line.Sku.ProductId, StoreId = line.Sku.StoreId, Specs = line.Sku.Specs, Price = flash.Sale.Price };
        var planned = flash.Planned with { Lines = [line with { Sku = special }], Subtotal = flash.Sale.Price };
        var orderId = ids.Next();
        var checkout = new Checkout { Id = ids.Next(), BuyerId = flash.BuyerId, Total = planned.Total, CreatedAt = now };
        var order = planned.ToOrder(orderId, checkout.Id, flash.BuyerId, now, now.AddMinutes(options.Value.PayWithinMinutes), options.Value.PlatformFeeBasisPoints, flash.Sale.Id);
        db.FlashPurchases.Add(new FlashPurchase { FlashSaleId = flash.Sale.Id, UserId = flash.BuyerId, Seq = seq, OrderId = orderId, CreatedAt = now });
        db.Checkouts.Add(checkout);
        db.Orders.Add(order);
        OrderLog.Record(db, ids, orderId, null, OrderStatus.PendingPayment, Actor.Buyer(flash.BuyerId), now, "flash sale");
        db.OutboxMessages.Add(outbox.Wrap(new OrderPlaced(orderId, flash.BuyerId, order.StoreId, order.Total)));
        return orderId;
    }
}
