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
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Commerce.Demo;

/// <summary>
/// The demo shops on top of the demo community: stores (the demo account runs one), products with SKUs and
/// pictures, product cards on their owners' notes and on creators' notes, coupons, a live flash sale, and orders
/// taken through the real use cases (placed, paid on the sandbox, shipped, confirmed, reviewed), so the ledger and
/// stock of the demo reconcile like any other. Deterministic for a given set of people.
/// </summary>
internal sealed class DemoShops(IServiceScopeFactory scopes, CommerceDb db, IdGenerator ids, TimeProvider clock, IMediaStore media, INoteDirectory notes, IRoleAdministration roles, IUserDirectory users) : IDemoCommerce
{
    private const int Orders = 40;

    public async Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken)
    {
        if (people.Count < 80 || await db.Stores.AnyAsync(cancellationToken))
        {
            return await db.Products.CountAsync(cancellationToken);
        }

        var random = new Random(11);
        var now = clock.GetUtcNow();
        var products = new List<(Product Product, List<Sku> Skus, Store Store)>();
        for (var s = 0; s < DemoCatalog.Stores.Length; s++)
        {
            var plan = DemoCatalog.Stores[s];
            var owner = people[s == 0 ? 0 : s + 2];
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
                products.Add((product, skus, store));
            }

            db.Coupons.Add(new Coupon { Id = ids.Next(), StoreId = store.Id, Title = "店铺满减", Kind = CouponKind.AmountOff, Value = 1000, MinSpend = 9900, ValidFrom = now.AddDays(-1), ValidTo = now.AddDays(60), PerUserLimit = 1, TotalQuantity = 1000, CreatedAt = now });
        }

        db.Coupons.Add(new Coupon { Id = ids.Next(), Title = "新人首单立减", Kind = CouponKind.AmountOff, Value = 500, MinSpend = 3000, ValidFrom = now.AddDays(-1), ValidTo = now.AddDays(365), PerUserLimit = 1, TotalQuantity = 1_000_000, FirstOrderOnly = true, CreatedAt = now });
        var flashSku = products[2].Skus[0];
        flashSku.Stock -= 50;
        db.FlashSales.Add(new FlashSale { Id = ids.Next(), StoreId = flashSku.StoreId, ProductId = flashSku.ProductId, SkuId = flashSku.Id, Price = 2900, Quantity = 50, Remaining = 50, PerUserLimit = 1, StartsAt = now.AddMinutes(-10), EndsAt = now.AddDays(2), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var owner in DemoCatalog.Stores.Select((_, s) => people[s == 0 ? 0 : s + 2]))
        {
            if (await users.FindAsync(owner, cancellationToken) is { } person)
            {
                await roles.GrantAsync(person.Username, Roles.Merchant, cancellationToken);
            }
        }

        await CardsOnNotesAsync(people, products, random, cancellationToken);
        await OrdersAsync(people, products, random, cancellationToken);
        return products.Count;
    }

    /// <summary>Owners feature their own products; prolific creators feature products of stores that pay commission.</summary>
    private async Task CardsOnNotesAsync(IReadOnlyList<long> people, List<(Product Product, List<Sku> Skus, Store Store)> products, Random random, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var paying = products.Where(p => p.Store.CommissionBasisPoints > 0).ToList();
        foreach (var person in people.Take(30))
        {
            var own = products.Where(p => p.Store.OwnerId == person).ToList();
            var candidates = own.Count > 0 ? own : paying;
            foreach (var note in await notes.ByAuthorAsync(person, person, 3, cancellationToken))
            {
                var pick = candidates[random.Next(candidates.Count)];
                db.NoteProducts.Add(new NoteProduct { NoteId = note.Id, ProductId = pick.Product.Id, CreatorId = person, Position = 0, CreatedAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Buyers go through the real use cases, so money and stock of the demo add up like any other.</summary>
    private async Task OrdersAsync(IReadOnlyList<long> people, List<(Product Product, List<Sku> Skus, Store Store)> products, Random random, CancellationToken cancellationToken)
    {
        var address = new AddressRequest("林小红", "13800001111", "浙江", "杭州", "西湖区文三路 1 号");
        for (var i = 0; i < Orders; i++)
        {
            var buyer = people[20 + (i % (people.Count - 20))];
            var (product, skus, store) = products[random.Next(products.Count)];
            var card = await db.NoteProducts.AsNoTracking().Where(n => n.ProductId == product.Id).Select(n => (long?)n.NoteId).FirstOrDefaultAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var item = new OrderItemRequest(ShortId.Encode(skus[random.Next(skus.Count)].Id), 1 + random.Next(2), card is { } n ? ShortId.Encode(n) : null);
            var placed = await services.GetRequiredService<PlaceOrderHandler>().HandleAsync(buyer, new PlaceOrderRequest([item], null, address), null, cancellationToken);
            if (!placed.Succeeded || i % 8 == 7)
            {
                continue; // a few orders stay unpaid, as in life
            }

            var orderId = ShortId.TryDecode(placed.Value!.Orders[0].Id, out var id) ? id : 0;
            var payment = await services.GetRequiredService<PayOrderHandler>().HandleAsync(buyer, orderId, null, cancellationToken);
            var charge = payment.Value!.PayUrl!.Split('/')[^1];
            await services.GetRequiredService<SandboxProvider>().CompleteAsync(charge, pay: true, late: false, cancellationToken);
            await services.GetRequiredService<PaymentApplier>().SyncAsync(ShortId.TryDecode(payment.Value.Id, out var p) ? p : 0, cancellationToken);
            if (i % 4 == 3)
            {
                continue; // paid, waiting to be shipped: something for the merchant console
            }

            await services.GetRequiredService<ShipOrderHandler>().HandleAsync(store.OwnerId, orderId, new ShipRequest("顺丰", "SF" + (1_000_000_000 + i)), cancellationToken);
            await services.GetRequiredService<CompleteOrderHandler>().ConfirmAsync(buyer, orderId, cancellationToken);
            var rating = i % 9 == 4 ? 2 : 4 + random.Next(2);
            var review = await services.GetRequiredService<WriteReviewHandler>().HandleAsync(buyer, product.Id,
                new ReviewRequest(ShortId.Encode(orderId), rating, DemoCatalog.ReviewTexts[rating <= 2 ? 7 + random.Next(3) : random.Next(7)]), cancellationToken);
            if (review.Succeeded && random.Next(3) > 0 && ShortId.TryDecode(review.Value!.Id, out var reviewId))
            {
                await services.GetRequiredService<ReplyToReviewHandler>().ReplyAsync(store.OwnerId, reviewId, new ReplyRequest(DemoCatalog.Replies[rating <= 2 ? 1 : 0]), cancellationToken);
            }
        }

        // The notifications of the demo's own orders are not news to anyone: mark them delivered.
        await db.OutboxMessages.Where(m => m.DeliveredAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeliveredAt, clock.GetUtcNow()), cancellationToken);
        await db.SandboxNotifications.Where(n => n.DeliveredAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.DeliveredAt, clock.GetUtcNow()), cancellationToken);
    }
}
