using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Carts;

public sealed record CartItemRequest(string? SkuId, int Quantity, string? NoteId = null);

public sealed record CartLineView(string SkuId, string ProductId, string Title, string Specs, string? ImageUrl, long Price, int Quantity, int Stock, bool Available, string? NoteId);

public sealed record CartStoreView(string StoreId, string StoreName, IReadOnlyList<CartLineView> Lines, long Subtotal);

public sealed record CartView(IReadOnlyList<CartStoreView> Stores, long Total, int Count);

/// <summary>The cart across stores (购物车): add, change, remove; prices shown are today's, from the database.</summary>
internal sealed class CartHandler(CommerceDb db, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<CartView>> PutAsync(long userId, CartItemRequest request, bool add, CancellationToken cancellationToken)
    {
        if (!ShortId.TryDecode(request.SkuId, out var skuId) || !await OrderEnding.Sellable(db).AnyAsync(s => s.Id == skuId, cancellationToken))
        {
            return Failure.Invalid("skuId", text["commerce.sku.not_found"]);
        }

        if (request.Quantity is < 1 or > CartItem.QuantityMax)
        {
            return Failure.Invalid("quantity", text["commerce.order.quantity", CartItem.QuantityMax]);
        }

        var item = await db.CartItems.FirstOrDefaultAsync(c => c.UserId == userId && c.SkuId == skuId, cancellationToken);
        if (item is null)
        {
            if (await db.CartItems.CountAsync(c => c.UserId == userId, cancellationToken) >= CartItem.ItemsMax)
            {
                return Failure.Invalid("skuId", text["commerce.cart.full", CartItem.ItemsMax]);
            }

            item = new CartItem { UserId = userId, SkuId = skuId };
            db.CartItems.Add(item);
        }

        item.Quantity = Math.Min(CartItem.QuantityMax, add ? item.Quantity + request.Quantity : request.Quantity);
        item.NoteId = ShortId.TryDecode(request.NoteId, out var note) ? note : item.NoteId;
        item.AddedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return new Failure(FailureKind.Conflict, text["common.conflict"]); // the same item added twice at once
        }

        return await ViewAsync(userId, cancellationToken);
    }

    public async Task<CartView> RemoveAsync(long userId, long skuId, CancellationToken cancellationToken)
    {
        await db.CartItems.Where(c => c.UserId == userId && c.SkuId == skuId).ExecuteDeleteAsync(cancellationToken);
        return await ViewAsync(userId, cancellationToken);
    }

    public async Task<CartView> ViewAsync(long userId, CancellationToken cancellationToken)
    {
        var rows = await (
            from item in db.CartItems.AsNoTracking()
            where item.UserId == userId
            join sku in db.Skus on item.SkuId equals sku.Id
            join product in db.Products on sku.ProductId equals product.Id
            join store in db.Stores on sku.StoreId equals store.Id
            orderby item.AddedAt descending
            select new { item, sku, product, store }).ToListAsync(cancellationToken);
        var stores = rows.GroupBy(r => r.store.Id).Select(g =>
        {
            var lines = g.Select(r => new CartLineView(
                ShortId.Encode(r.sku.Id), ShortId.Encode(r.product.Id), r.product.Title, r.sku.Specs,
                r.product.CoverKey is { } c ? "/media/" + c : null, r.sku.Price, r.item.Quantity, r.sku.Stock,
                !r.sku.Retired && r.product.Status == Catalog.ProductStatus.OnShelf && r.store.Status == Stores.StoreStatus.Approved && r.sku.Stock >= r.item.Quantity,
                r.item.NoteId is { } n ? ShortId.Encode(n) : null)).ToList();
            return new CartStoreView(ShortId.Encode(g.Key), g.First().store.Name, lines, lines.Where(l => l.Available).Sum(l => l.Price * l.Quantity));
        }).ToList();
        return new CartView(stores, stores.Sum(s => s.Subtotal), rows.Count);
    }
}
