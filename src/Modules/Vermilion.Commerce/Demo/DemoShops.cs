using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Stores;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Commerce.Demo;

/// <summary>A demo product on the shelf: its SKUs, its store, and the subject of the notes it belongs on.</summary>
internal sealed record DemoListing(Product Product, List<Sku> Skus, Store Store, string Topic);

/// <summary>
/// The demo shops on top of the demo community: stores (the demo account runs one), products with SKUs and
/// pictures, product cards on notes about them, coupons, a live flash sale, and orders taken through the real use
/// cases (placed, paid on the sandbox, shipped, confirmed, reviewed, refunded), so the ledger and stock of the demo
/// reconcile like any other; then the <c>demo</c> account's own orders (<see cref="DemoAccountOrders"/>).
/// Deterministic for a given set of people.
/// </summary>
internal sealed class DemoShops(IServiceScopeFactory scopes, CommerceDb db, IdGenerator ids, TimeProvider clock, IMediaStore media, IDemoCommunity community, IRoleAdministration roles, IUserDirectory users) : IDemoCommerce
{
    private const int Orders = 40;

    /// <summary>How many notes about each product subject get a card.</summary>
    private const int NotesPerSubject = 8;

    public async Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken)
    {
        if (people.Count < 80 || await db.Stores.AnyAsync(cancellationToken))
        {
            return await db.Products.CountAsync(cancellationToken);
        }

        var listings = await StockAsync(people, cancellationToken);
        foreach (var owner in DemoCatalog.Stores.Select((_, s) => Owner(people, s)))
        {
            if (await users.FindAsync(owner, cancellationToken) is { } person)
            {
                await roles.GrantAsync(person.Username, Roles.Merchant, cancellationToken);
            }
        }

        await CardsOnNotesAsync(listings, cancellationToken);
        await OrdersAsync(people, listings, new Random(11), cancellationToken);
        // The notifications of the crowd's orders are not news to anyone: mark them delivered. The demo account's
        // own orders come after, so their notices reach it (and its sellers) like any other.
        await db.OutboxMessages.Where(m => m.DeliveredAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeliveredAt, clock.GetUtcNow()), cancellationToken);
        await new DemoAccountOrders(scopes, db).PlaceAsync(people[0], listings, cancellationToken);
        await db.SandboxNotifications.Where(n => n.DeliveredAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.DeliveredAt, clock.GetUtcNow()), cancellationToken);
        return listings.Count;
    }

    /// <summary>The demo account runs the first store; the others belong to people past the two sign-in accounts.</summary>
    private static long Owner(IReadOnlyList<long> people, int store) => people[store == 0 ? 0 : store + 2];

    /// <summary>Stores, their shipping, products with pictures and SKUs, coupons and a flash sale on the first flagship.</summary>
    private async Task<List<DemoListing>> StockAsync(IReadOnlyList<long> people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var listings = new List<DemoListing>();
        for (var s = 0; s < DemoCatalog.Stores.Length; s++)
        {
            var plan = DemoCatalog.Stores[s];
            var owner = Owner(people, s);
            var store = new Store
            {
                Id = ids.Next(), OwnerId = owner, Name = plan.Name, Kind = plan.Flagship ? StoreKind.Flagship : StoreKind.Individual, Status = StoreStatus.Approved,
                Licence = plan.Flagship ? DemoCatalog.Licence(s) : null,
                Description = plan.Description, CommissionBasisPoints = plan.CommissionBasisPoints, CreatedAt = now.AddDays(-60), DecidedAt = now.AddDays(-59),
            };
            db.Stores.Add(store);
            var template = new ShippingTemplate { Id = ids.Next(), StoreId = store.Id, Name = "满99包邮", FlatFee = 800, FreeAbove = 9900, ExcludedRegions = "", CreatedAt = store.CreatedAt };
            db.ShippingTemplates.Add(template);
            foreach (var item in plan.Products)
            {
                var key = await media.SaveAsync(Encoding.UTF8.GetBytes(DemoCatalog.Picture(item.Title, item.Color)), "svg", cancellationToken);
                db.Images.Add(new CommerceImage { Id = ids.Next(), OwnerId = owner, Key = key, Width = 800, Height = 800, CreatedAt = now });
                var product = new Product
                {
                    Id = ids.Next(), StoreId = store.Id, Title = item.Title, Category = item.Category, Description = item.Description, Attributes = item.Attributes,
                    ImageKeys = key, Status = ProductStatus.OnShelf, ShippingTemplateId = template.Id, NoReasonReturn = true,
                    MinPrice = item.Skus.Min(k => k.Price), CreatedAt = now.AddDays(-50), UpdatedAt = now.AddDays(-50),
                };
                db.Products.Add(product);
                var skus = item.Skus.Select((k, i) => new Sku { Id = ids.Next(), ProductId = product.Id, StoreId = store.Id, Specs = k.Specs, Price = k.Price, OriginalPrice = k.Original, Stock = 200, Stocked = 200, Position = i }).ToList();
                db.Skus.AddRange(skus);
                listings.Add(new DemoListing(product, skus, store, item.Topic));
            }

            db.Coupons.Add(new Coupon { Id = ids.Next(), StoreId = store.Id, Title = "店铺满减", Kind = CouponKind.AmountOff, Value = 1000, MinSpend = 9900, ValidFrom = now.AddDays(-1), ValidTo = now.AddDays(60), PerUserLimit = 1, TotalQuantity = 1000, CreatedAt = now });
        }

        db.Coupons.Add(new Coupon { Id = ids.Next(), Title = "新人首单立减", Kind = CouponKind.AmountOff, Value = 500, MinSpend = 3000, ValidFrom = now.AddDays(-1), ValidTo = now.AddDays(365), PerUserLimit = 1, TotalQuantity = 1_000_000, FirstOrderOnly = true, CreatedAt = now });
        var flashSku = listings.First(l => l.Store.Kind == StoreKind.Flagship).Skus[0];
        flashSku.Stock -= 50;
        db.FlashSales.Add(new FlashSale { Id = ids.Next(), StoreId = flashSku.StoreId, ProductId = flashSku.ProductId, SkuId = flashSku.Id, Price = 2900, Quantity = 50, Remaining = 50, PerUserLimit = 1, StartsAt = now.AddMinutes(-10), EndsAt = now.AddDays(2), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return listings;
    }

    /// <summary>
    /// Each product goes on the most liked notes about its subject, so a card always fits its note: a note by the
    /// store's owner carries the owner's product, any other creator's one of the subject's (every demo store pays
    /// commission, so creators may feature them).
    /// </summary>
    private async Task CardsOnNotesAsync(List<DemoListing> listings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var about = await community.NotesAboutAsync([.. listings.Select(l => l.Topic).Distinct()], NotesPerSubject, cancellationToken);
        var carded = new HashSet<long>();
        foreach (var subject in about.GroupBy(n => n.Subject))
        {
            var shelf = listings.Where(l => l.Topic == subject.Key).ToList();
            var turn = 0;
            foreach (var note in subject.Where(n => carded.Add(n.NoteId)))
            {
                var pick = shelf.FirstOrDefault(l => l.Store.OwnerId == note.AuthorId) ?? shelf[turn++ % shelf.Count];
                if (pick.Product.Category == note.Category)
                {
                    db.NoteProducts.Add(new NoteProduct { NoteId = note.NoteId, ProductId = pick.Product.Id, CreatorId = note.AuthorId, Position = 0, CreatedAt = now });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Buyers go through the real use cases, so money and stock of the demo add up like any other.</summary>
    private async Task OrdersAsync(IReadOnlyList<long> people, List<DemoListing> listings, Random random, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Orders; i++)
        {
            var buyer = people[20 + (i % (people.Count - 20))];
            var (product, skus, store, _) = listings[random.Next(listings.Count)];
            var purchase = await DemoPurchase.PlaceAsync(scopes, buyer, skus[random.Next(skus.Count)].Id, 1 + random.Next(2), await CardAsync(product.Id, cancellationToken), cancellationToken);
            if (i % 8 == 7)
            {
                continue; // a few orders stay unpaid, as in life
            }

            await purchase.PayAsync(cancellationToken);
            if (i % 4 == 3)
            {
                continue; // paid, waiting to be shipped: something for the merchant console
            }

            await purchase.ShipAsync(store.OwnerId, "SF" + (1_000_000_000 + i), cancellationToken);
            await purchase.ConfirmAsync(cancellationToken);
            var rating = i % 9 == 4 ? 2 : 4 + random.Next(2);
            var text = DemoCatalog.ReviewTexts[rating <= 2 ? 7 + random.Next(3) : random.Next(7)];
            await purchase.ReviewAsync(product.Id, rating, text, store.OwnerId, random.Next(3) > 0 ? DemoCatalog.Replies[rating <= 2 ? 1 : 0] : null, cancellationToken);
        }
    }

    /// <summary>A note the product is featured on, so the order credits it as a buyer coming from the note would.</summary>
    private Task<long?> CardAsync(long productId, CancellationToken cancellationToken) =>
        db.NoteProducts.AsNoTracking().Where(n => n.ProductId == productId).OrderBy(n => n.NoteId).Select(n => (long?)n.NoteId).FirstOrDefaultAsync(cancellationToken);
}
