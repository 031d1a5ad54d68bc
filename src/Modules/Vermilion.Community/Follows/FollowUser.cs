using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Feeds.Following;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Follows;

/// <summary>
/// Follow and unfollow. Each is insert-or-nothing (delete-or-nothing) plus counter moves in one transaction, so
/// the counters equal the rows however many arrive at once, and repeating a request changes nothing.
/// </summary>
internal sealed class FollowHandler(CommunityDb db, IUserDirectory users, TimeProvider clock, OutboxWriter outbox, TimelineCache timelines, IStringLocalizer text)
{
    public async Task<Outcome<bool>> FollowAsync(long followerId, long followeeId, CancellationToken cancellationToken)
    {
        if (followerId == followeeId)
        {
            return Failure.Invalid("id", text["community.follow.self"]);
        }

        if (await users.FindAsync(followeeId, cancellationToken) is not { Closed: false })
        {
            return new Failure(FailureKind.NotFound, text["community.user.not_found"]);
        }

        if (await db.BlockedBetweenAsync(followerId, followeeId, cancellationToken))
        {
            return new Failure(FailureKind.Forbidden, text["community.blocked"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_follows (follower_id, followee_id, created_at) VALUES ({followerId}, {followeeId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            await Stats.AddPairAsync(db, (followerId, StatsField.Following, 1), (followeeId, StatsField.Followers, 1), cancellationToken);
            db.OutboxMessages.Add(outbox.Wrap(new UserFollowed(followerId, followeeId)));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        timelines.ForgetReader(followerId);
        return added == 1;
    }

    public async Task<bool> UnfollowAsync(long followerId, long followeeId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await RemoveAsync(followerId, followeeId, cancellationToken);
        if (removed)
        {
            db.OutboxMessages.Add(outbox.Wrap(new UserUnfollowed(followerId, followeeId)));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        timelines.ForgetReader(followerId);
        return removed;
    }

    /// <summary>Removes a follow and its counts inside the caller's transaction; false if there was none.</summary>
    public async Task<bool> RemoveAsync(long followerId, long followeeId, CancellationToken cancellationToken)
    {
        var removed = await db.Follows.Where(f => f.FollowerId == followerId && f.FolloweeId == followeeId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            await Stats.AddPairAsync(db, (followerId, StatsField.Following, -1), (followeeId, StatsField.Followers, -1), cancellationToken);
        }

        return removed == 1;
    }
}
