using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Addresses;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

/// <summary>
/// Places a checkout: prices it on the server, takes each line's stock with a conditional decrement, spends the
/// coupons, and writes one order per store, all in one transaction. The same Idempotency-Key gives back the same
/// checkout, even after a crash between the commit and the reply.
/// </summary>
internal sealed class PlaceOrderHandler(
    CommerceDb db,
    IdGenerator ids,
    TimeProvider clock,
    OutboxWriter outbox,
    CheckoutPricing pricing,
    OrderQueries queries,
    IOptions<CommerceOptions> options,
    IStringLocalizer text)
{
    public async Task<Outcome<CheckoutView>> HandleAsync(long buyerId, PlaceOrderRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await ExistingAsync(buyerId, idempotencyKey, cancellationToken) is { } existing)
        {
            return existing;
        }

        var fromCart = request.Items is null || request.Items.Count == 0;
        var items = fromCart ? await CartItemsAsync(buyerId, cancellationToken) : request.Items!;
        var priced = await pricing.PriceAsync(buyerId, items, request, cancellationToken);
        if (!priced.Succeeded)
        {
            return priced.Failure!;
        }

        var plan = priced.Value!;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checkout = new Checkout { Id = ids.Next(), BuyerId = buyerId, IdempotencyKey = idempotencyKey, Total = plan.Orders.Sum(o => o.Total), CreatedAt = now };
        db.Checkouts.Add(checkout);
        foreach (var couponId in plan.UserCouponIds)
        {
            var spent = await db.UserCoupons.Where(c => c.Id == couponId && c.Status == Coupons.UserCouponStatus.Available)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, Coupons.UserCouponStatus.Used).SetProperty(c => c.CheckoutId, checkout.Id).SetProperty(c => c.UsedAt, now), cancellationToken);
            if (spent == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure.Invalid("couponIds", text["commerce.coupon.unavailable"]);
            }
        }

        foreach (var planned in plan.Orders)
        {
            var order = planned.ToOrder(ids.Next(), checkout.Id, buyerId, now, now.AddMinutes(options.Value.PayWithinMinutes), options.Value.PlatformFeeBasisPoints);
            db.Orders.Add(order);
            OrderLog.Record(db, ids, order.Id, null, OrderStatus.PendingPayment, Actor.Buyer(buyerId), now);
            db.OutboxMessages.Add(outbox.Wrap(new OrderPlaced(order.Id, buyerId, order.StoreId, order.Total)));
        }

        if (fromCart)
        {
            var bought = plan.Lines.Select(l => l.Sku.Id).ToList();
            await db.CartItems.Where(c => c.UserId == buyerId && bought.Contains(c.SkuId)).ExecuteDeleteAsync(cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (idempotencyKey is not null && DbErrors.IsUniqueViolation(error))
        {
            // The same key won a moment ago in another request: its checkout is the answer.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await ExistingAsync(buyerId, idempotencyKey, cancellationToken) is { } winner ? winner : throw new InvalidOperationException("A checkout key vanished.", error);
        }

        // The SKUs' rows are what concurrent buyers contend for, so their stock is taken last: each row's lock is
        // held from here to the commit, not across the writes above. In SKU order, so two checkouts of the same
        // SKUs cannot deadlock.
        foreach (var line in plan.Lines.OrderBy(l => l.Sku.Id))
        {
            if (await OrderEnding.TakeStockAsync(db, line.Sku.Id, line.Quantity, cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new Failure(FailureKind.Conflict, text["commerce.order.out_of_stock", line.Product.Title],
                    new FieldErrors().Add($"items[{line.Index}].quantity", text["commerce.order.out_of_stock", line.Product.Title]));
            }
        }

        await transaction.CommitAsync(cancellationToken);

        return (await queries.CheckoutAsync(checkout.Id, buyerId, cancellationToken))!;
    }

    private async Task<CheckoutView?> ExistingAsync(long buyerId, string key, CancellationToken cancellationToken)
    {
        var id = await db.Checkouts.Where(c => c.BuyerId == buyerId && c.IdempotencyKey == key).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } checkoutId ? await queries.CheckoutAsync(checkoutId, buyerId, cancellationToken) : null;
    }

    private async Task<IReadOnlyList<OrderItemRequest>> CartItemsAsync(long buyerId, CancellationToken cancellationToken)
    {
        var cart = await db.CartItems.AsNoTracking().Where(c => c.UserId == buyerId).OrderBy(c => c.AddedAt).ToListAsync(cancellationToken);
        return [.. cart.Select(c => new OrderItemRequest(ShortId.Encode(c.SkuId), c.Quantity, c.NoteId is { } n ? ShortId.Encode(n) : null))];
    }
}
