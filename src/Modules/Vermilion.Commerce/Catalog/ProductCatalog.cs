using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Stores;

namespace Vermilion.Commerce.Catalog;

/// <summary>The catalogue as other modules read it (<see cref="IProductCatalog"/>): search indexes products from here.</summary>
internal sealed class ProductCatalog(CommerceDb db, ProductQueries queries) : IProductCatalog
{
    private const int SpecsMax = 400;

    public async Task<IReadOnlyList<ProductRecord>> ProductsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await RecordsAsync(db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)), cancellationToken);

    public Task<IReadOnlyList<ProductRecord>> ProductsAfterAsync(long afterId, int take, CancellationToken cancellationToken) =>
        RecordsAsync(db.Products.AsNoTracking().Where(p => p.Id > afterId).OrderBy(p => p.Id).Take(Math.Clamp(take, 1, 5000)), cancellationToken);

    public async Task<IReadOnlyList<long>> ProductIdsOfStoreAsync(long storeId, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => p.StoreId == storeId).Select(p => p.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProductSummary>> SummariesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var cards = await queries.CardsAsync(ids, null, includeOffShelf: false, ids.Count, cancellationToken);
        return [.. cards.Select(c => new ProductSummary(c.Id, c.Title, c.CoverUrl, c.Price, c.OriginalPrice, c.Rating, c.RatingCount, c.Sold, c.InStock, c.StoreId, c.StoreName))];
    }

    private async Task<IReadOnlyList<ProductRecord>> RecordsAsync(IQueryable<Product> products, CancellationToken cancellationToken)
    {
        var rows = await products.Join(db.Stores, p => p.StoreId, s => s.Id, (p, s) => new { Product = p, StoreName = s.Name, StoreStatus = s.Status })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Product.Id).ToList();
        var skus = await db.Skus.AsNoTracking().Where(s => ids.Contains(s.ProductId) && !s.Retired).OrderBy(s => s.Position)
            .Select(s => new { s.ProductId, s.Specs }).ToListAsync(cancellationToken);
        var specsOf = skus.ToLookup(s => s.ProductId, s => s.Specs);
        return [.. rows.OrderBy(r => r.Product.Id).Select(r => new ProductRecord(
            r.Product.Id,
            r.Product.StoreId,
            r.Product.Title,
            Words(r.Product.Attributes, specsOf[r.Product.Id]),
            r.StoreName,
            r.Product.MinPrice,
            r.Product.SoldCount,
            r.Product.RatingSum,
            r.Product.RatingCount,
            r.Product.Status == ProductStatus.OnShelf && r.StoreStatus == StoreStatus.Approved))];
    }

    /// <summary>Attribute lines and SKU specs as words, each name and value once (材质 棉 颜色 红 蓝), so "红色 M 码" finds the SKU.</summary>
    private static string Words(string attributes, IEnumerable<string> skuSpecs)
    {
        var pairs = attributes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))
            .Concat(skuSpecs.SelectMany(Specs.Parse));
        var words = new List<string>();
        foreach (var (name, value) in pairs)
        {
            foreach (var word in new[] { name, value })
            {
                if (word.Length > 0 && !words.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        var text = string.Join(' ', words);
        return text.Length <= SpecsMax ? text : text[..SpecsMax];
    }
}
