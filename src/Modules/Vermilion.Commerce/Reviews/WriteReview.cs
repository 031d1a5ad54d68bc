using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Reviews;

/// <summary>
/// A buyer reviews a product of an order that arrived (delivered or completed): 1–5 stars, text, photos. One
/// review per product per order, never from the store's own side; the product's and the store's ratings move in the same transaction.
/// </summary>
internal sealed class WriteReviewHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, ReviewQueries queries, IStringLocalizer text)
{
    public async Task<Outcome<ReviewView>> HandleAsync(long buyerId, long productId, ReviewRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var body = (request.Text ?? "").Trim();
        if (request.Rating is < 1 or > 5)
        {
            errors.Add("rating", text["commerce.review.rating"]);
        }

        if (body.Length > Review.TextMax)
        {
            errors.Add("text", text["commerce.field.too_long", Review.TextMax]);
        }

        var images = request.ImageIds is { Count: > Review.ImagesMax } ? null : await ImageLookup.KeysAsync(db, buyerId, request.ImageIds ?? [], cancellationToken);
        if (images is null)
        {
            errors.Add("imageIds", text["commerce.photos.count", Review.ImagesMax]);
        }

        if (!ShortId.TryDecode(request.OrderId, out var orderId))
        {
            errors.Add("orderId", text["commerce.order.not_found"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        var line = order?.Lines.FirstOrDefault(l => l.ProductId == productId);
        if (order is null || line is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.review.no_purchase"]);
        }

        if (order.Status is not (OrderStatus.Delivered or OrderStatus.Completed))
        {
            return new Failure(FailureKind.Conflict, text["commerce.review.not_delivered"]);
        }

        // A store's own side buying from it is not a customer: its stars would be the store praising itself. A store
        // is run by one account (stores have no staff accounts yet), so the owner is its whole staff.
        var owner = await db.Stores.Where(s => s.Id == order.StoreId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
        if (owner == buyerId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.review.own_store"]);
        }

        var review = new Review
        {
            Id = ids.Next(), OrderId = orderId, ProductId = productId, StoreId = order.StoreId, BuyerId = buyerId, Rating = request.Rating,
            Text = body, ImageKeys = string.Join(',', images!), Specs = line.Specs, CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Reviews.Add(review);
        db.OutboxMessages.Add(outbox.Wrap(new ReviewPosted(review.Id, productId, order.StoreId, owner, buyerId, review.Rating)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return new Failure(FailureKind.Conflict, text["commerce.review.already"]);
        }

        await db.Products.Where(p => p.Id == productId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.RatingSum, p => p.RatingSum + review.Rating).SetProperty(p => p.RatingCount, p => p.RatingCount + 1), cancellationToken);
        await db.Stores.Where(s => s.Id == order.StoreId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RatingSum, s => s.RatingSum + review.Rating).SetProperty(s => s.RatingCount, s => s.RatingCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await queries.OneAsync(review.Id, cancellationToken))!;
    }
}
