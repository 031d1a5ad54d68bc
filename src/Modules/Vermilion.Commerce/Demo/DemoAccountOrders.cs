using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Vermilion.Commerce.Demo;

/// <summary>
/// The <c>demo</c> account's own orders, one in each state a buyer's order list shows: paid and waiting to be
/// shipped, on its way, received and reviewed, received with a review still to write, refunded before shipping,
/// and one being sent back. Bought from notes where the product has a card, as a reader would.
/// </summary>
internal sealed class DemoAccountOrders(IServiceScopeFactory scopes, CommerceDb db)
{
    public async Task PlaceAsync(long demo, IReadOnlyList<DemoListing> listings, CancellationToken cancellationToken)
    {
        await PaidAsync(demo, Find(listings, "主动降噪耳机"), 0, cancellationToken);

        await ShippedAsync(demo, Find(listings, "加厚瑜伽垫"), 1, "SF2026112201", cancellationToken);

        var cream = Find(listings, "保湿修护面霜");
        var reviewed = await ShippedAsync(demo, cream, 0, "SF2026111802", cancellationToken);
        await reviewed.ConfirmAsync(cancellationToken);
        await reviewed.ReviewAsync(cream.Product.Id, 5, "用了一周，换季泛红好多了，质地也不黏，会回购", cream.Store.OwnerId, DemoCatalog.Replies[0], cancellationToken);

        // The flash sale holds the tent's first colour, so the demo bought the other one.
        var toReview = await ShippedAsync(demo, Find(listings, "轻量双人帐篷"), 1, "SF2026111503", cancellationToken);
        await toReview.ConfirmAsync(cancellationToken);

        var scratcher = Find(listings, "瓦楞猫抓板");
        var refunded = await PaidAsync(demo, scratcher, 0, cancellationToken);
        await refunded.RefundAsync(scratcher.Store.OwnerId, "拍重了，家里已经有一个", cancellationToken);

        var goingBack = await ShippedAsync(demo, Find(listings, "复古德训鞋"), 1, "SF2026112004", cancellationToken);
        await goingBack.AskToReturnAsync("鞋码偏小，想换大一码", cancellationToken);
    }

    /// <summary>An order of one of the listing's SKUs, placed from a note that carries the product, and paid.</summary>
    private async Task<DemoPurchase> PaidAsync(long demo, DemoListing listing, int sku, CancellationToken cancellationToken)
    {
        var note = await db.NoteProducts.AsNoTracking().Where(n => n.ProductId == listing.Product.Id && n.CreatorId != demo)
            .OrderBy(n => n.NoteId).Select(n => (long?)n.NoteId).FirstOrDefaultAsync(cancellationToken);
        var purchase = await DemoPurchase.PlaceAsync(scopes, demo, listing.Skus[Math.Min(sku, listing.Skus.Count - 1)].Id, 1, note, cancellationToken);
        await purchase.PayAsync(cancellationToken);
        return purchase;
    }

    /// <summary>A paid order the store has shipped with the given tracking number.</summary>
    private async Task<DemoPurchase> ShippedAsync(long demo, DemoListing listing, int sku, string tracking, CancellationToken cancellationToken)
    {
        var purchase = await PaidAsync(demo, listing, sku, cancellationToken);
        await purchase.ShipAsync(listing.Store.OwnerId, tracking, cancellationToken);
        return purchase;
    }

    private static DemoListing Find(IReadOnlyList<DemoListing> listings, string title) => listings.First(l => l.Product.Title == title);
}
