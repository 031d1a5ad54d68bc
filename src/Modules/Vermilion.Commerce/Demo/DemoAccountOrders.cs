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
        var waiting = await BuyAsync(demo, listings, "主动降噪耳机", 0, cancellationToken);
        await waiting.PayAsync(cancellationToken);

        var mat = Find(listings, "加厚瑜伽垫");
        var onItsWay = await BuyAsync(demo, listings, mat.Product.Title, 1, cancellationToken);
        await onItsWay.PayAsync(cancellationToken);
        await onItsWay.ShipAsync(mat.Store.OwnerId, "SF2026112201", cancellationToken);

        var cream = Find(listings, "保湿修护面霜");
        var reviewed = await BuyAsync(demo, listings, cream.Product.Title, 0, cancellationToken);
        await reviewed.PayAsync(cancellationToken);
        await reviewed.ShipAsync(cream.Store.OwnerId, "SF2026111802", cancellationToken);
        await reviewed.ConfirmAsync(cancellationToken);
        await reviewed.ReviewAsync(cream.Product.Id, 5, "用了一周，换季泛红好多了，质地也不黏，会回购", cream.Store.OwnerId, DemoCatalog.Replies[0], cancellationToken);

        // The flash sale holds the tent's first colour, so the demo bought the other one.
        var tent = Find(listings, "轻量双人帐篷");
        var toReview = await BuyAsync(demo, listings, tent.Product.Title, 1, cancellationToken);
        await toReview.PayAsync(cancellationToken);
        await toReview.ShipAsync(tent.Store.OwnerId, "SF2026111503", cancellationToken);
        await toReview.ConfirmAsync(cancellationToken);

        var scratcher = Find(listings, "瓦楞猫抓板");
        var refunded = await BuyAsync(demo, listings, scratcher.Product.Title, 0, cancellationToken);
        await refunded.PayAsync(cancellationToken);
        await refunded.RefundAsync(scratcher.Store.OwnerId, "拍重了，家里已经有一个", cancellationToken);

        var shoes = Find(listings, "复古德训鞋");
        var goingBack = await BuyAsync(demo, listings, shoes.Product.Title, 1, cancellationToken);
        await goingBack.PayAsync(cancellationToken);
        await goingBack.ShipAsync(shoes.Store.OwnerId, "SF2026112004", cancellationToken);
        await goingBack.AskToReturnAsync("鞋码偏小，想换大一码", cancellationToken);
    }

    private async Task<DemoPurchase> BuyAsync(long demo, IReadOnlyList<DemoListing> listings, string title, int sku, CancellationToken cancellationToken)
    {
        var listing = Find(listings, title);
        var note = await db.NoteProducts.AsNoTracking().Where(n => n.ProductId == listing.Product.Id && n.CreatorId != demo)
            .OrderBy(n => n.NoteId).Select(n => (long?)n.NoteId).FirstOrDefaultAsync(cancellationToken);
        return await DemoPurchase.PlaceAsync(scopes, demo, listing.Skus[Math.Min(sku, listing.Skus.Count - 1)].Id, 1, note, cancellationToken);
    }

    private static DemoListing Find(IReadOnlyList<DemoListing> listings, string title) => listings.First(l => l.Product.Title == title);
}
