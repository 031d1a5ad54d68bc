using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Follows;

internal sealed class SocialGraph(CommunityDb db) : ISocialGraph
{
    public async Task<IReadOnlyList<long>> FollowingAsync(long userId, CancellationToken cancellationToken) =>
        await db.Follows.AsNoTracking().Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<long>> BlockedEitherWayAsync(long userId, CancellationToken cancellationToken)
    {
        var blocked = await db.Blocks.AsNoTracking().Where(b => b.BlockerId == userId).Select(b => b.BlockedId)
            .Concat(db.Blocks.AsNoTracking().Where(b => b.BlockedId == userId).Select(b => b.BlockerId))
            .ToListAsync(cancellationToken);
        return blocked.ToHashSet();
    }
}
