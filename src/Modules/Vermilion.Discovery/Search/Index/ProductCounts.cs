using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Kernel.Ids;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Sales and ratings in the product index, batched: a sale or a review marks its products (<see cref="ProductMark"/>),
/// and a flush reads every marked product once and writes its counts, whatever number of sales came meanwhile.
/// The marks are rows, so a restart loses none.
/// </summary>
internal sealed class ProductCounts(SearchDb db, IProductFullText engine, IProductCatalog catalog, IdGenerator ids)
{
    public const int FlushSize = 500;

    public async Task MarkAsync(IReadOnlyCollection<long> productIds, CancellationToken cancellationToken)
    {
        foreach (var productId in productIds.Distinct())
        {
            var mark = ids.Next();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO discovery_search_product_marks (product_id, mark) VALUES ({productId}, {mark}) ON CONFLICT (product_id) DO UPDATE SET mark = excluded.mark",
                cancellationToken);
        }
    }

    /// <summary>Writes the counts of up to <see cref="FlushSize"/> marked products and clears their marks; returns how many.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var marks = await db.ProductMarks.AsNoTracking().OrderBy(m => m.ProductId).Take(FlushSize).ToListAsync(cancellationToken);
        if (marks.Count == 0)
        {
            return 0;
        }

        var records = await catalog.ProductsAsync([.. marks.Select(m => m.ProductId)], cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var product in records.Where(p => p.Listed))
        {
            var rating = ProductDocument.RatingOf(product.RatingSum, product.RatingCount);
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.SoldCount, product.SoldCount)
                .SetProperty(p => p.Rating, rating)
                .SetProperty(p => p.RatingCount, product.RatingCount), cancellationToken);
        }

        await engine.RemoveAsync(db, [.. marks.Select(m => m.ProductId).Where(id => !records.Any(r => r.Id == id && r.Listed))], cancellationToken);
        foreach (var mark in marks)
        {
            // Only the mark this round read: a sale marked since then keeps its product for the next round.
            await db.ProductMarks.Where(m => m.ProductId == mark.ProductId && m.Mark == mark.Mark).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return marks.Count;
    }
}
