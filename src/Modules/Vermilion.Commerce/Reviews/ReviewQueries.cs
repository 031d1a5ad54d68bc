using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Reviews;

/// <summary>Reviews for a product's page, an order's page and the merchant console, newest first.</summary>
internal sealed class ReviewQueries(CommerceDb db, IUserDirectory users)
{
    public async Task<ReviewView?> OneAsync(long reviewId, CancellationToken cancellationToken) =>
        await ViewsAsync(await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).ToListAsync(cancellationToken), cancellationToken) is [var review, ..] ? review : null;

    public async Task<IReadOnlyList<ReviewView>> ForProductAsync(long productId, int take, CancellationToken cancellationToken) =>
        await ViewsAsync(await db.Reviews.AsNoTracking().Where(r => r.ProductId == productId).OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The reviews a buyer wrote on one order, for the order's page.</summary>
    public async Task<IReadOnlyList<ReviewView>> ForOrderAsync(long orderId, CancellationToken cancellationToken) =>
        await ViewsAsync(await db.Reviews.AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.Id).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>A store's reviews; <paramref name="awaitingReply"/> keeps the negative ones still unanswered.</summary>
    public async Task<IReadOnlyList<ReviewView>> ForStoreAsync(long storeId, bool awaitingReply, int take, CancellationToken cancellationToken)
    {
        var query = db.Reviews.AsNoTracking().Where(r => r.StoreId == storeId);
        if (awaitingReply)
        {
            query = query.Where(r => r.Rating <= Review.NegativeAtMost && r.Reply == null);
        }

        return await ViewsAsync(await query.OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ReviewView>> ViewsAsync(List<Review> reviews, CancellationToken cancellationToken)
    {
        var people = await users.FindManyAsync([.. reviews.Select(r => r.BuyerId).Distinct()], cancellationToken);
        return [.. reviews.Select(r =>
        {
            var buyer = people.GetValueOrDefault(r.BuyerId);
            return new ReviewView(
                ShortId.Encode(r.Id), ShortId.Encode(r.ProductId), ShortId.Encode(r.OrderId), ShortId.Encode(r.BuyerId), buyer?.Nickname ?? "", buyer?.AvatarUrl,
                r.Rating, r.Text, [.. r.Images.Select(k => "/media/" + k)], r.Specs, VerifiedPurchase: true, r.CreatedAt, r.Reply, r.RepliedAt,
                r.IsNegative && r.Reply is null, r.HelpfulCount);
        })];
    }
}
