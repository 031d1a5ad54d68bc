using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Addresses;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Stores;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

internal sealed record PricedLine(int Index, Sku Sku, Product Product, int Quantity, long? NoteId, long? NoteAuthorId)
{
    public long Amount => checked(Sku.Price * Quantity);
}

internal sealed record Destination(string Name, string Phone, string Region, string Address);

internal sealed record PlannedOrder(Store Store, IReadOnlyList<PricedLine> Lines, long Subtotal, long ShippingFee, Destination To)
{
    public long StoreDiscount { get; set; }

    public long PlatformDiscount { get; set; }

    public long? StoreCouponId { get; set; }

    public long? PlatformCouponId { get; set; }

    public long Total => Subtotal + ShippingFee - StoreDiscount - PlatformDiscount;

    public Order ToOrder(long id, long checkoutId, long buyerId, DateTimeOffset now, DateTimeOffset payBy, int platformFee, long? flashSaleId = null)
    {
        var fromNote = Lines.FirstOrDefault(l => l.NoteAuthorId is not null);
        var credit = CreatorCredits.Decide(fromNote?.NoteAuthorId, buyerId, Store);
        var order = new Order
        {
            Id = id,
            CheckoutId = checkoutId,
            BuyerId = buyerId,
            StoreId = Store.Id,
            Status = OrderStatus.PendingPayment,
            Subtotal = Subtotal,
            ShippingFee = ShippingFee,
            StoreDiscount = StoreDiscount,
            PlatformDiscount = PlatformDiscount,
            Total = Total,
            StoreCouponId = StoreCouponId,
            PlatformCouponId = PlatformCouponId,
            NoteId = fromNote?.NoteId,
            CreatorCredit = credit,
            CreatorId = credit == CreatorCredit.Credited ? fromNote!.NoteAuthorId : null,
            CommissionBasisPoints = credit == CreatorCredit.Credited ? Store.CommissionBasisPoints : 0,
            PlatformFeeBasisPoints = platformFee,
            FlashSaleId = flashSaleId,
            ShipName = To.Name,
            ShipPhone = To.Phone,
            ShipRegion = To.Region,
            ShipAddress = To.Address,
            PayBy = payBy,
            CreatedAt = now,
        };
        var position = 0;
        foreach (var line in Lines)
        {
            order.Lines.Add(new OrderLine
            {
                OrderId = id,
                Position = position++,
                SkuId = line.Sku.Id,
                ProductId = line.Product.Id,
                Title = line.Product.Title,
                Specs = line.Sku.Specs,
                ImageKey = line.Product.CoverKey,
                UnitPrice = line.Sku.Price,
                Quantity = line.Quantity,
                Amount = line.Amount,
            });
        }

        return order;
    }
}

internal sealed record CheckoutPlan(IReadOnlyList<PricedLine> Lines, IReadOnlyList<PlannedOrder> Orders, IReadOnlyList<long> UserCouponIds);

/// <summary>
/// Prices a checkout from the database alone: SKU prices, each store's shipping template and the coupons'
/// rules. Everything the client says about money is ignored.
/// </summary>
internal sealed class CheckoutPricing(CommerceDb db, INoteDirectory notes, CouponRules coupons, IStringLocalizer text)
{
    public const int LinesMax = 50;

    public async Task<Outcome<CheckoutPlan>> PriceAsync(long buyerId, IReadOnlyList<OrderItemRequest> items, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (items.Count is 0 or > LinesMax)
        {
            errors.Add("items", text["commerce.order.items_count", LinesMax]);
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var wanted = new List<(int Index, long SkuId, int Quantity, long? NoteId)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!ShortId.TryDecode(item.SkuId, out var skuId))
            {
                errors.Add($"items[{i}].skuId", text["commerce.sku.not_found"]);
                continue;
            }

            if (item.Quantity is < 1 or > Carts.CartItem.QuantityMax)
            {
                errors.Add($"items[{i}].quantity", text["commerce.order.quantity", Carts.CartItem.QuantityMax]);
            }

            if (wanted.Any(w => w.SkuId == skuId))
            {
                errors.Add($"items[{i}].skuId", text["commerce.order.duplicate_sku"]);
            }

            wanted.Add((i, skuId, item.Quantity, ShortId.TryDecode(item.NoteId, out var note) ? note : null));
        }

        var destination = await DestinationAsync(buyerId, request, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        // Each SKU with its product, store and shipping template, in one round trip.
        var skuIds = wanted.Select(w => w.SkuId).ToList();
        var catalog = await (
                from sku in db.Skus.AsNoTracking()
                where skuIds.Contains(sku.Id)
                join product in db.Products.AsNoTracking() on sku.ProductId equals product.Id
                join store in db.Stores.AsNoTracking() on product.StoreId equals store.Id
                from template in db.ShippingTemplates.AsNoTracking().Where(t => t.Id == product.ShippingTemplateId).DefaultIfEmpty()
                select new { sku, product, store, template })
            .ToListAsync(cancellationToken);
        var skus = catalog.ToDictionary(c => c.sku.Id, c => c.sku);
        var products = catalog.DistinctBy(c => c.product.Id).ToDictionary(c => c.product.Id, c => c.product);
        var stores = catalog.DistinctBy(c => c.store.Id).ToDictionary(c => c.store.Id, c => c.store);
        var templates = catalog.Where(c => c.template is not null).DistinctBy(c => c.template!.Id).ToDictionary(c => c.template!.Id, c => c.template!);
        var lines = new List<PricedLine>();
        foreach (var (index, skuId, quantity, noteId) in wanted)
        {
            if (!skus.TryGetValue(skuId, out var sku) || sku.Retired)
            {
                errors.Add($"items[{index}].skuId", text["commerce.sku.not_found"]);
                continue;
            }

            var product = products[sku.ProductId];
            if (product.Status != ProductStatus.OnShelf || stores[product.StoreId].Status != StoreStatus.Approved)
            {
                errors.Add($"items[{index}].skuId", text["commerce.product.off_shelf", product.Title]);
                continue;
            }

            var author = noteId is { } n ? await AuthorOfAsync(n, product.Id, buyerId, cancellationToken) : null;
            lines.Add(new PricedLine(index, sku, product, quantity, author is null ? null : noteId, author));
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var orders = PlanOrders(lines, stores, templates, destination!, errors);
        var spent = await coupons.ApplyAsync(buyerId, request.CouponIds ?? [], orders, errors, cancellationToken);
        return errors.IsEmpty ? new CheckoutPlan(lines, orders, spent) : Failure.Invalid(errors, text["common.invalid"]);
    }

    private List<PlannedOrder> PlanOrders(List<PricedLine> lines, Dictionary<long, Store> stores, Dictionary<long, ShippingTemplate> templates, Destination to, FieldErrors errors)
    {
        var orders = new List<PlannedOrder>();
        foreach (var group in lines.GroupBy(l => l.Product.StoreId))
        {
            var storeLines = group.ToList();
            var subtotal = storeLines.Sum(l => l.Amount);
            long fee = 0;
            // Each template prices the goods it covers; the order pays the dearest, as one parcel.
            foreach (var byTemplate in storeLines.GroupBy(l => l.Product.ShippingTemplateId))
            {
                if (byTemplate.Key is not { } id || !templates.TryGetValue(id, out var template))
                {
                    continue;
                }

                if (template.Excluded.Contains(to.Region, StringComparer.Ordinal))
                {
                    errors.Add("address.region", text["commerce.order.region_excluded", stores[group.Key].Name, to.Region]);
                }

                fee = Math.Max(fee, template.FeeFor(byTemplate.Sum(l => l.Amount)));
            }

            orders.Add(new PlannedOrder(stores[group.Key], storeLines, subtotal, fee, to));
        }

        return orders;
    }

    private async Task<long?> AuthorOfAsync(long noteId, long productId, long buyerId, CancellationToken cancellationToken)
    {
        var card = await db.NoteProducts.AsNoTracking().FirstOrDefaultAsync(n => n.NoteId == noteId && n.ProductId == productId, cancellationToken);
        if (card is null)
        {
            return null;
        }

        // A note the buyer cannot see (deleted, private) credits nobody.
        return await notes.FindVisibleAsync(noteId, buyerId, cancellationToken) is { } note ? note.AuthorId : null;
    }

    private async Task<Destination?> DestinationAsync(long buyerId, PlaceOrderRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (request.AddressId is not null)
        {
            var address = ShortId.TryDecode(request.AddressId, out var id)
                ? await db.Addresses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.UserId == buyerId, cancellationToken)
                : null;
            if (address is null)
            {
                errors.Add("addressId", text["commerce.address.not_found"]);
                return null;
            }

            return new Destination(address.Name, address.Phone, address.Region, $"{address.Region} {address.City} {address.Line}");
        }

        var typed = AddressRules.Check(request.Address, "address", errors, text);
        return typed is null ? null : new Destination(typed.Name!, typed.Phone!, typed.Region!, $"{typed.Region} {typed.City} {typed.Line}");
    }
}
