using Microsoft.EntityFrameworkCore;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.FlashSales;

internal sealed class FlashSaleQueries(CommerceDb db, TimeProvider clock)
{
    public async Task<FlashSaleView?> OneAsync(long saleId, CancellationToken cancellationToken) =>
        await ViewsAsync(db.FlashSales.Where(f => f.Id == saleId), cancellationToken) is [var sale, ..] ? sale : null;

    /// <summary>Sales running now or starting soon, and a store's own when <paramref name="storeId"/> is given.</summary>
    public Task<IReadOnlyList<FlashSaleView>> CurrentAsync(long? storeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = storeId is { } store ? db.FlashSales.Where(f => f.StoreId == store) : db.FlashSales.Where(f => f.EndsAt > now && f.StartsAt < now.AddDays(1));
        return ViewsAsync(query.OrderBy(f => f.EndsAt).Take(50), cancellationToken);
    }

    private async Task<IReadOnlyList<FlashSaleView>> ViewsAsync(IQueryable<FlashSale> sales, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (from f in sales.AsNoTracking()
                          join s in db.Skus on f.SkuId equals s.Id
                          join p in db.Products on f.ProductId equals p.Id
                          select new { f, s.Specs, s.Price, p.Title, p.ImageKeys }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FlashSaleView(
            ShortId.Encode(r.f.Id), ShortId.Encode(r.f.StoreId), ShortId.Encode(r.f.ProductId), ShortId.Encode(r.f.SkuId), r.Title, r.Specs,
            r.ImageKeys.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } k ? "/media/" + k : null,
            r.f.Price, r.Price, r.f.Quantity, r.f.Remaining, r.f.PerUserLimit, r.f.StartsAt, r.f.EndsAt,
            now < r.f.StartsAt ? "upcoming" : now >= r.f.EndsAt ? "ended" : r.f.Remaining <= 0 ? "sold_out" : "live"))];
    }
}
