using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Catalog;

/// <summary>Products for pages and the API: cards for lists, the whole product with its SKUs for its page.</summary>
internal sealed class ProductQueries(CommerceDb db)
{
    /// <summary>The product if it is on sale, or if <paramref name="viewer"/> runs its store.</summary>
    public async Task<ProductView?> DetailAsync(long productId, long? viewer, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == product.StoreId, cancellationToken);
        var visible = (product.Status == ProductStatus.OnShelf && store.Status == StoreStatus.Approved) || store.OwnerId == viewer;
        if (!visible)
        {
            return null;
        }

        var skus = await db.Skus.AsNoTracking().Where(s => s.ProductId == productId && !s.Retired).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var imageIds = await db.Images.AsNoTracking().Where(i => i.OwnerId == store.OwnerId && product.ImageKeys.Contains(i.Key))
            .Select(i => new { i.Id, i.Key }).ToListAsync(cancellationToken);
        return new ProductView(
            ShortId.Encode(product.Id),
            ShortId.Encode(store.Id),
            store.Name,
            StoreNames.Of(store.Kind),
            product.Title,
            product.Category,
            product.Description,
            [.. product.Attributes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))],
            [.. product.Images.Select(k => "/media/" + k)],
            [.. product.Images.Select(k => imageIds.FirstOrDefault(i => i.Key == k) is { } i ? ShortId.Encode(i.Id) : "")],
            product.ShippingTemplateId is { } t ? ShortId.Encode(t) : null,
            product.NoReasonReturn,
            product.Status == ProductStatus.OnShelf,
            product.MinPrice,
            Rating(product),
            product.RatingCount,
            product.SoldCount,
            [.. skus.Select(ToView)],
            Specs.Groups(skus.Select(s => s.Specs)));
    }

    public static SkuView ToView(Sku s) => new(ShortId.Encode(s.Id), s.Specs, s.Price, s.OriginalPrice, s.Stock, s.Stock <= 0);

    public static double? Rating(Product p) => p.RatingCount == 0 ? null : Math.Round((double)p.RatingSum / p.RatingCount, 1);

    /// <summary>Cards for products on sale; a store's own list includes what is off the shelf when its owner asks.</summary>
    public async Task<IReadOnlyList<ProductCardView>> CardsAsync(IReadOnlyCollection<long>? productIds, long? storeId, bool includeOffShelf, int take, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking().Join(db.Stores, p => p.StoreId, s => s.Id, (p, s) => new { Product = p, Store = s });
        if (!includeOffShelf)
        {
            query = query.Where(x => x.Product.Status == ProductStatus.OnShelf && x.Store.Status == StoreStatus.Approved);
        }

        if (productIds is not null)
        {
            query = query.Where(x => productIds.Contains(x.Product.Id));
        }

        if (storeId is { } store)
        {
            query = query.Where(x => x.Product.StoreId == store);
        }

        var rows = await query.OrderByDescending(x => x.Product.SoldCount).ThenByDescending(x => x.Product.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Product.Id).ToList();
        var stock = await db.Skus.AsNoTracking().Where(s => ids.Contains(s.ProductId) && !s.Retired)
            .GroupBy(s => s.ProductId).Select(g => new { g.Key, Stock = g.Sum(s => s.Stock), Original = g.Max(s => s.OriginalPrice) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var cards = rows.Select(r => new ProductCardView(
            ShortId.Encode(r.Product.Id),
            r.Product.Title,
            r.Product.CoverKey is { } cover ? "/media/" + cover : null,
            r.Product.MinPrice,
            stock.TryGetValue(r.Product.Id, out var s) ? s.Original : 0,
            Rating(r.Product),
            r.Product.RatingCount,
            r.Product.SoldCount,
            s is not null && s.Stock > 0,
            ShortId.Encode(r.Store.Id),
            r.Store.Name)).ToList();
        return productIds is null ? cards : [.. productIds.Select(id => cards.FirstOrDefault(c => c.Id == ShortId.Encode(id))).OfType<ProductCardView>()];
    }
}
