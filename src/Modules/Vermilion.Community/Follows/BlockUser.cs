using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Feeds.Following;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Follows;

/// <summary>Blocks someone: follows both ways end, and from then on they cannot see, comment or message.</summary>
internal sealed class BlockHandler(CommunityDb db, IUserDirectory users, FollowHandler follows, TimeProvider clock, OutboxWriter outbox, TimelineCache timelines, IStringLocalizer text)
{
    public async Task<Outcome<bool>> BlockAsync(long blockerId, long blockedId, CancellationToken cancellationToken)
    {
        if (blockerId == blockedId)
        {
            return Failure.Invalid("id", text["community.block.self"]);
        }

        if (await users.FindAsync(blockedId, cancellationToken) is null)
        {
            return new Failure(FailureKind.NotFound, text["community.user.not_found"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_blocks (blocker_id, blocked_id, created_at) VALUES ({blockerId}, {blockedId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            await follows.RemoveAsync(blockerId, blockedId, cancellationToken);
            await follows.RemoveAsync(blockedId, blockerId, cancellationToken);
            db.OutboxMessages.Add(outbox.Wrap(new UserBlocked(blockerId, blockedId)));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        timelines.ForgetReader(blockerId);
        timelines.ForgetReader(blockedId);
        return added == 1;
    }

    public async Task<bool> UnblockAsync(long blockerId, long blockedId, CancellationToken cancellationToken)
    {
        var removed = await db.Blocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken) == 1;
        timelines.ForgetReader(blockerId);
        timelines.ForgetReader(blockedId);
        return removed;
    }
}
