using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.FlashSales;

/// <summary>
/// Buys one unit of a flash sale. Past the in-memory gate, one short transaction: a (sale, buyer, n) row that the
/// primary key keeps within the per-person limit, the order, and last a conditional decrement of the sale's units
/// (never below zero). Anything refused rolls all of it back.
/// </summary>
internal sealed class BuyFlashSaleHandler(
    CommerceDb db,
    IdGenerator ids,
    TimeProvider clock,
    OutboxWriter outbox,
    FlashGate gate,
    CheckoutPricing pricing,
    IOptions<CommerceOptions> options,
    IStringLocalizer text)
{
    public async Task<Outcome<string>> HandleAsync(long buyerId, long saleId, FlashBuyRequest request, CancellationToken cancellationToken)
    {
        if (!await gate.TryEnterAsync(saleId, async () => await db.FlashSales.Where(f => f.Id == saleId).Select(f => (int?)f.Remaining).FirstOrDefaultAsync(cancellationToken) ?? -1))
        {
            // Turned away without touching the database: this is what keeps a sold-out sale fast.
            return gate.IsMissing(saleId)
                ? new Failure(FailureKind.NotFound, text["commerce.flash.not_found"])
                : new Failure(FailureKind.Conflict, text["commerce.flash.sold_out"]);
        }

        var outcome = await BuyAsync(buyerId, saleId, request, cancellationToken);
        if (!outcome.Succeeded)
        {
            gate.Leave(saleId);
        }

        return outcome;
    }

    private async Task<Outcome<string>> BuyAsync(long buyerId, long saleId, FlashBuyRequest request, CancellationToken cancellationToken)
    {
        var sale = await db.FlashSales.AsNoTracking().FirstOrDefaultAsync(f => f.Id == saleId, cancellationToken);
        var now = clock.GetUtcNow();
        if (sale is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.flash.not_found"]);
        }

        if (now < sale.StartsAt || now >= sale.EndsAt)
        {
            return new Failure(FailureKind.Conflict, text[now < sale.StartsAt ? "commerce.flash.not_started" : "commerce.flash.ended"]);
        }

        var item = new OrderItemRequest(ShortId.Encode(sale.SkuId), 1);
        var priced = await pricing.PriceAsync(buyerId, [item], new PlaceOrderRequest([item], request.AddressId, request.Address), cancellationToken);
        if (!priced.Succeeded)
        {
            return priced.Failure!;
        }

        var line = priced.Value!.Lines[0];
        var special = new Sku { Id = line.Sku.Id, ProductId = line.Sku.ProductId, StoreId = line.Sku.StoreId, Specs = line.Sku.Specs, Price = sale.Price };
        var planned = priced.Value.Orders[0] with { Lines = [line with { Sku = special }], Subtotal = sale.Price };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bought = await db.FlashPurchases.CountAsync(p => p.FlashSaleId == saleId && p.UserId == buyerId, cancellationToken);
        var orderId = ids.Next();
        var nowUtc = now.UtcDateTime;
        var seq = bought + 1;
        var guarded = bought < sale.PerUserLimit && await db.Database.ExecuteSqlAsync(
            $"INSERT INTO commerce_flash_purchases (flash_sale_id, user_id, seq, order_id, created_at) VALUES ({saleId}, {buyerId}, {seq}, {orderId}, {nowUtc}) ON CONFLICT DO NOTHING",
            cancellationToken) == 1;
        if (!guarded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Failure(FailureKind.Conflict, text["commerce.flash.limit", sale.PerUserLimit]);
        }

        var checkout = new Checkout { Id = ids.Next(), BuyerId = buyerId, Total = planned.Total, CreatedAt = now };
        var order = planned.ToOrder(orderId, checkout.Id, buyerId, now, now.AddMinutes(options.Value.PayWithinMinutes), options.Value.PlatformFeeBasisPoints, saleId);
        db.Checkouts.Add(checkout);
        db.Orders.Add(order);
        OrderLog.Record(db, ids, orderId, null, OrderStatus.PendingPayment, Actor.Buyer(buyerId), now, "flash sale");
        db.OutboxMessages.Add(outbox.Wrap(new OrderPlaced(orderId, buyerId, order.StoreId, order.Total)));
        await db.SaveChangesAsync(cancellationToken);

        // The sale's one row is what every buyer contends for, so it is taken last: its lock is held only from
        // here to the commit, not across the writes above.
        var took = await db.FlashSales.Where(f => f.Id == saleId && f.Remaining >= 1)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.Remaining, f => f.Remaining - 1), cancellationToken);
        if (took == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            gate.SoldOut(saleId);
            return new Failure(FailureKind.Conflict, text["commerce.flash.sold_out"]);
        }

        await transaction.CommitAsync(cancellationToken);
        return ShortId.Encode(orderId);
    }
}
