using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Catalog;

/// <summary>
/// A merchant creates or edits a product with its SKUs. A SKU left out of an edit is retired (orders keep
/// pointing at it); a stock figure moves stock and the stocked total by the same amount, so units are never
/// created or lost by an edit racing a sale.
/// </summary>
internal sealed class SaveProductHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, StoreAccess stores, IStringLocalizer text)
{
    public const long PriceMax = 100_000_000;
    public const int StockMax = 1_000_000;

    public async Task<Outcome<long>> HandleAsync(long merchantId, long? productId, ProductRequest request, CancellationToken cancellationToken)
    {
        if (await stores.OpenAsync(merchantId, cancellationToken) is not { } store)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_open"]);
        }

        Product? product = null;
        if (productId is { } id)
        {
            product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return new Failure(FailureKind.NotFound, text["commerce.product.not_found"]);
            }

            if (product.StoreId != store.Id)
            {
                return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
            }
        }

        var errors = new FieldErrors();
        var title = (request.Title ?? "").Trim();
        if (title.Length is 0 or > Product.TitleMax)
        {
            errors.Add("title", text["commerce.product.title", Product.TitleMax]);
        }

        if ((request.Description ?? "").Length > Product.DescriptionMax || (request.Attributes ?? "").Length > 1000 || (request.Category ?? "").Trim().Length > 20)
        {
            errors.Add("description", text["commerce.field.too_long", Product.DescriptionMax]);
        }

        var images = request.ImageIds is { Count: > Product.ImagesMax } ? null : await ImageLookup.KeysAsync(db, merchantId, request.ImageIds ?? [], cancellationToken);
        if (images is null)
        {
            errors.Add("imageIds", text["commerce.photos.count", Product.ImagesMax]);
        }

        long? templateId = null;
        if (!string.IsNullOrEmpty(request.ShippingTemplateId))
        {
            templateId = ShortId.TryDecode(request.ShippingTemplateId, out var t) && await db.ShippingTemplates.AnyAsync(x => x.Id == t && x.StoreId == store.Id, cancellationToken) ? t : null;
            if (templateId is null)
            {
                errors.Add("shippingTemplateId", text["commerce.shipping.not_found"]);
            }
        }

        var existing = product is null ? [] : await db.Skus.Where(s => s.ProductId == product.Id && !s.Retired).ToListAsync(cancellationToken);
        var skus = CheckSkus(request.Skus ?? [], existing, errors);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (product is null)
        {
            product = new Product { Id = ids.Next(), StoreId = store.Id, Title = title, CreatedAt = now };
            db.Products.Add(product);
        }

        product.Title = title;
        product.Category = (request.Category ?? "").Trim();
        product.Description = (request.Description ?? "").Trim();
        product.Attributes = (request.Attributes ?? "").Trim();
        product.ImageKeys = string.Join(',', images!);
        product.ShippingTemplateId = templateId;
        product.NoReasonReturn = request.NoReasonReturn;
        product.Status = request.OnShelf ? ProductStatus.OnShelf : ProductStatus.OffShelf;
        product.MinPrice = skus.Min(s => s.Request.Price);
        product.UpdatedAt = now;
        await SaveSkusAsync(product, skus, existing, cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new ProductChanged(product.Id, product.StoreId)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product.Id;
    }

    private List<(SkuRequest Request, Sku? Existing, string Specs)> CheckSkus(IReadOnlyList<SkuRequest> requested, List<Sku> existing, FieldErrors errors)
    {
        var checkedSkus = new List<(SkuRequest, Sku?, string)>();
        if (requested.Count is 0 or > Product.SkusMax)
        {
            errors.Add("skus", text["commerce.sku.count", Product.SkusMax]);
            return checkedSkus;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var sku = requested[i];
            Sku? match = null;
            if (sku.Id is not null && (!ShortId.TryDecode(sku.Id, out var skuId) || (match = existing.FirstOrDefault(s => s.Id == skuId)) is null))
            {
                errors.Add($"skus[{i}].id", text["commerce.sku.not_this_product"]);
            }

            var specs = Specs.Canonical(Specs.Parse(sku.Specs));
            if (specs.Length > 100 || checkedSkus.Any(c => c.Item3 == specs))
            {
                errors.Add($"skus[{i}].specs", text["commerce.sku.specs"]);
            }

            if (sku.Price is < 1 or > PriceMax)
            {
                errors.Add($"skus[{i}].price", text["commerce.money.range", PriceMax / 100]);
            }

            if (sku.OriginalPrice != 0 && (sku.OriginalPrice < sku.Price || sku.OriginalPrice > PriceMax))
            {
                errors.Add($"skus[{i}].originalPrice", text["commerce.sku.original_price"]);
            }

            if (sku.Stock is < 0 or > StockMax)
            {
                errors.Add($"skus[{i}].stock", text["commerce.sku.stock", StockMax]);
            }

            checkedSkus.Add((sku, match, specs));
        }

        return checkedSkus;
    }

    private async Task SaveSkusAsync(Product product, List<(SkuRequest Request, Sku? Existing, string Specs)> skus, List<Sku> existing, CancellationToken cancellationToken)
    {
        for (var i = 0; i < skus.Count; i++)
        {
            var (request, match, specs) = skus[i];
            if (match is null)
            {
                db.Skus.Add(new Sku
                {
                    Id = ids.Next(), ProductId = product.Id, StoreId = product.StoreId, Specs = specs, Price = request.Price,
                    OriginalPrice = request.OriginalPrice, Stock = request.Stock, Stocked = request.Stock, Position = i,
                });
                continue;
            }

            match.Specs = specs;
            match.Price = request.Price;
            match.OriginalPrice = request.OriginalPrice;
            match.Position = i;
            var delta = request.Stock - match.Stock;
            db.Entry(match).Property(s => s.Stock).IsModified = false;
            if (delta != 0)
            {
                await StockMoves.AdjustAsync(db, match.Id, delta, cancellationToken);
            }
        }

        foreach (var gone in existing.Where(e => skus.All(s => s.Existing?.Id != e.Id)))
        {
            gone.Retired = true;
        }
    }
}

internal static class StockMoves
{
    /// <summary>Moves stock and the stocked total together, never below zero; false if that many units are not there.</summary>
    public static async Task<bool> AdjustAsync(CommerceDb db, long skuId, int delta, CancellationToken cancellationToken) =>
        await db.Skus.Where(s => s.Id == skuId && s.Stock + delta >= 0 && s.Stock + delta <= SaveProductHandler.StockMax)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Stock, s => s.Stock + delta).SetProperty(s => s.Stocked, s => s.Stocked + delta), cancellationToken) == 1;
}
