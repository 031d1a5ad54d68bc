using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.Catalog;

/// <summary>A merchant restocks or writes off units of one SKU, and puts products on or off the shelf.</summary>
internal sealed class ManageStockHandler(CommerceDb db, TimeProvider clock, OutboxWriter outbox, StoreAccess stores, IStringLocalizer text)
{
    public async Task<Outcome<SkuView>> AdjustAsync(long merchantId, long productId, long skuId, StockChange change, CancellationToken cancellationToken)
    {
        var sku = await db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == skuId && s.ProductId == productId && !s.Retired, cancellationToken);
        if (sku is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.sku.not_found"]);
        }

        if ((await stores.OwnedAsync(merchantId, cancellationToken))?.Id != sku.StoreId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
        }

        if (change.Delta == 0 || Math.Abs((long)change.Delta) > SaveProductHandler.StockMax)
        {
            return Failure.Invalid("delta", text["commerce.sku.stock", SaveProductHandler.StockMax]);
        }

        if (!await StockMoves.AdjustAsync(db, skuId, change.Delta, cancellationToken))
        {
            return new Failure(FailureKind.Conflict, text["commerce.sku.stock_short"]);
        }

        var now = await db.Skus.AsNoTracking().FirstAsync(s => s.Id == skuId, cancellationToken);
        return new SkuView(Kernel.Ids.ShortId.Encode(now.Id), now.Specs, now.Price, now.OriginalPrice, now.Stock, now.Stock == 0);
    }

    public async Task<Outcome<bool>> ShelfAsync(long merchantId, long productId, bool onShelf, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.product.not_found"]);
        }

        if ((await stores.OpenAsync(merchantId, cancellationToken))?.Id != product.StoreId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
        }

        product.Status = onShelf ? ProductStatus.OnShelf : ProductStatus.OffShelf;
        product.UpdatedAt = clock.GetUtcNow();
        db.OutboxMessages.Add(outbox.Wrap(new ProductChanged(product.Id, product.StoreId)));
        await db.SaveChangesAsync(cancellationToken);
        return onShelf;
    }
}
