using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.FlashSales;

/// <summary>A merchant puts units of one of their SKUs on a flash sale; the units leave the SKU's stock at once.</summary>
internal sealed class CreateFlashSaleHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, StoreAccess stores, FlashSaleQueries queries, IStringLocalizer text)
{
    public async Task<Outcome<FlashSaleView>> HandleAsync(long merchantId, FlashSaleRequest request, CancellationToken cancellationToken)
    {
        if (await stores.OpenAsync(merchantId, cancellationToken) is not { } store)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_open"]);
        }

        var sku = ShortId.TryDecode(request.SkuId, out var skuId) ? await db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == skuId && !s.Retired, cancellationToken) : null;
        if (sku is null)
        {
            return Failure.Invalid("skuId", text["commerce.sku.not_found"]);
        }

        if (sku.StoreId != store.Id)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
        }

        var now = clock.GetUtcNow();
        var starts = request.StartsAt ?? now;
        var ends = request.EndsAt ?? starts.AddHours(2);
        var errors = new FieldErrors();
        if (request.Price < 1 || request.Price >= sku.Price)
        {
            errors.Add("price", text["commerce.flash.price"]);
        }

        if (request.Quantity is < 1 or > 100_000)
        {
            errors.Add("quantity", text["commerce.flash.quantity"]);
        }

        if (request.PerUserLimit is < 1 or > 10)
        {
            errors.Add("perUserLimit", text["commerce.coupon.per_user", 10]);
        }

        if (ends <= starts || ends <= now || ends > starts.AddDays(7))
        {
            errors.Add("endsAt", text["commerce.flash.window"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.Skus.Where(s => s.Id == skuId && s.Stock >= request.Quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stock, s => s.Stock - request.Quantity), cancellationToken);
        if (taken == 0)
        {
            return Failure.Invalid("quantity", text["commerce.sku.stock_short"]);
        }

        var sale = new FlashSale
        {
            Id = ids.Next(), StoreId = store.Id, ProductId = sku.ProductId, SkuId = skuId, Price = request.Price, Quantity = request.Quantity,
            Remaining = request.Quantity, PerUserLimit = request.PerUserLimit, StartsAt = starts, EndsAt = ends, CreatedAt = now,
        };
        db.FlashSales.Add(sale);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await queries.OneAsync(sale.Id, cancellationToken))!;
    }
}
