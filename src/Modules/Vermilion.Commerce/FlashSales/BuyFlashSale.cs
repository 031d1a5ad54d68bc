using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.FlashSales;

/// <summary>
/// Buys one unit of a flash sale. Past the in-memory gate, the purchase is checked and priced here (reads only),
/// then handed to the sale's writer, which commits it with the others that arrived meanwhile
/// (<see cref="FlashSaleWriter"/>): units never below zero, never more than the limit per person.
/// </summary>
internal sealed class BuyFlashSaleHandler(
    CommerceDb db,
    TimeProvider clock,
    FlashGate gate,
    CheckoutPricing pricing,
    FlashSaleWriter writer,
    IStringLocalizer text)
{
    public async Task<Outcome<string>> HandleAsync(long buyerId, long saleId, FlashBuyRequest request, CancellationToken cancellationToken)
    {
        var sale = await gate.TryEnterAsync(saleId, () => db.FlashSales.AsNoTracking().FirstOrDefaultAsync(f => f.Id == saleId, cancellationToken));
        if (sale is null)
        {
            // Turned away without touching the database: this is what keeps a sold-out sale fast.
            return gate.IsMissing(saleId)
                ? new Failure(FailureKind.NotFound, text["commerce.flash.not_found"])
                : new Failure(FailureKind.Conflict, text["commerce.flash.sold_out"]);
        }

        var outcome = await BuyAsync(buyerId, sale, request, cancellationToken);
        if (!outcome.Succeeded)
        {
            gate.Leave(saleId);
        }

        return outcome;
    }

    private async Task<Outcome<string>> BuyAsync(long buyerId, FlashSale sale, FlashBuyRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < sale.StartsAt || now >= sale.EndsAt)
        {
            return new Failure(FailureKind.Conflict, text[now < sale.StartsAt ? "commerce.flash.not_started" : "commerce.flash.ended"]);
        }

        FlashVerdict verdict;
        using (var coming = writer.Expect(sale.Id))
        {
            var item = new OrderItemRequest(ShortId.Encode(sale.SkuId), 1);
            var priced = await pricing.PriceAsync(buyerId, [item], new PlaceOrderRequest([item], request.AddressId, request.Address), cancellationToken);
            if (!priced.Succeeded)
            {
                return priced.Failure!;
            }

            verdict = await coming.SubmitAsync(new FlashOrder(buyerId, sale, priced.Value!.Orders[0]));
        }

        switch (verdict.Kind)
        {
            case FlashVerdictKind.Bought:
                return ShortId.Encode(verdict.OrderId);
            case FlashVerdictKind.SoldOut:
                gate.SoldOut(sale.Id);
                return new Failure(FailureKind.Conflict, text["commerce.flash.sold_out"]);
            case FlashVerdictKind.LimitReached:
                return new Failure(FailureKind.Conflict, text["commerce.flash.limit", sale.PerUserLimit]);
            default:
                return new Failure(FailureKind.NotFound, text["commerce.flash.not_found"]);
        }
    }
}
