using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.Reviews;

/// <summary>
/// The merchant answers a review (商家回复), once; the answer's time feeds the store's public reply rate and median
/// reply time. Anyone signed in may mark a review helpful, once.
/// </summary>
internal sealed class ReplyToReviewHandler(CommerceDb db, TimeProvider clock, OutboxWriter outbox, StoreAccess stores, ReviewQueries queries, IStringLocalizer text)
{
    public async Task<Outcome<ReviewView>> ReplyAsync(long merchantId, long reviewId, ReplyRequest request, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.review.not_found"]);
        }

        if ((await stores.OwnedAsync(merchantId, cancellationToken))?.Id != review.StoreId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
        }

        var reply = (request.Text ?? "").Trim();
        if (reply.Length is 0 or > Review.TextMax)
        {
            return Failure.Invalid("text", text["commerce.review.reply", Review.TextMax]);
        }

        var now = clock.GetUtcNow();
        var saved = await db.Reviews.Where(r => r.Id == reviewId && r.Reply == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Reply, reply).SetProperty(r => r.RepliedAt, now), cancellationToken);
        if (saved == 0)
        {
            return new Failure(FailureKind.Conflict, text["commerce.review.replied"]);
        }

        db.OutboxMessages.Add(outbox.Wrap(new ReviewReplied(reviewId, review.BuyerId, review.StoreId)));
        await db.SaveChangesAsync(cancellationToken);
        return (await queries.OneAsync(reviewId, cancellationToken))!;
    }

    public async Task<Outcome<int>> HelpfulAsync(long userId, long reviewId, CancellationToken cancellationToken)
    {
        if (!await db.Reviews.AnyAsync(r => r.Id == reviewId, cancellationToken))
        {
            return new Failure(FailureKind.NotFound, text["commerce.review.not_found"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO commerce_review_votes (review_id, user_id, created_at) VALUES ({reviewId}, {userId}, {now}) ON CONFLICT DO NOTHING", cancellationToken);
        if (added == 1)
        {
            await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(u => u.SetProperty(r => r.HelpfulCount, r => r.HelpfulCount + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await db.Reviews.Where(r => r.Id == reviewId).Select(r => r.HelpfulCount).FirstAsync(cancellationToken);
    }
}
