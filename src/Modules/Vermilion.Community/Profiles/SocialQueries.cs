using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Profiles;

/// <summary>A profile's social header: the counters and how the viewer relates to the person.</summary>
public sealed record SocialSummary(int Following, int Followers, int LikesAndCollects, int Notes, bool Followed, bool FollowsYou, bool Blocked, bool BlockedYou);

public sealed record PersonInList(UserSummary Person, bool Followed);

internal sealed class SocialQueries(CommunityDb db, IUserDirectory users)
{
    public async Task<SocialSummary> SummaryAsync(long userId, long? viewer, CancellationToken cancellationToken)
    {
        var stats = await db.UserStats.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var me = viewer ?? 0;
        var other = viewer is { } v && v != userId;
        var followed = other && await db.Follows.AnyAsync(f => f.FollowerId == me && f.FolloweeId == userId, cancellationToken);
        var followsYou = other && await db.Follows.AnyAsync(f => f.FollowerId == userId && f.FolloweeId == me, cancellationToken);
        var blocked = other && await db.Blocks.AnyAsync(b => b.BlockerId == me && b.BlockedId == userId, cancellationToken);
        var blockedYou = other && await db.Blocks.AnyAsync(b => b.BlockerId == userId && b.BlockedId == me, cancellationToken);
        return new SocialSummary(stats?.Following ?? 0, stats?.Followers ?? 0, (stats?.LikesReceived ?? 0) + (stats?.CollectsReceived ?? 0), stats?.Notes ?? 0,
            followed, followsYou, blocked, blockedYou);
    }

    public Task<Page<PersonInList>> FollowersAsync(long userId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        ListAsync(userId, followers: true, viewer, cursor, cancellationToken);

    public Task<Page<PersonInList>> FollowingAsync(long userId, long? viewer, string? cursor, CancellationToken cancellationToken) =>
        ListAsync(userId, followers: false, viewer, cursor, cancellationToken);

    /// <summary>People who follow each other with the viewer (互相关注), for @ suggestions and messaging.</summary>
    public async Task<IReadOnlyList<UserSummary>> FollowedByAsync(long userId, string prefix, int take, CancellationToken cancellationToken)
    {
        var ids = await db.Follows.Where(f => f.FollowerId == userId).OrderByDescending(f => f.CreatedAt).Select(f => f.FolloweeId).Take(500).ToListAsync(cancellationToken);
        var people = await users.FindManyAsync(ids, cancellationToken);
        return [.. ids.Where(people.ContainsKey).Select(id => people[id])
            .Where(p => prefix.Length == 0 || p.Username.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || p.Nickname.Contains(prefix, StringComparison.OrdinalIgnoreCase))
            .Take(take)];
    }

    private async Task<Page<PersonInList>> ListAsync(long userId, bool followers, long? viewer, string? cursor, CancellationToken cancellationToken)
    {
        const int size = 30;
        var edges = followers ? db.Follows.Where(f => f.FolloweeId == userId) : db.Follows.Where(f => f.FollowerId == userId);
        if (Cursor.TryDecode(cursor, out var after))
        {
            var at = new DateTimeOffset(after.Key, TimeSpan.Zero);
            edges = followers
                ? edges.Where(f => f.CreatedAt < at || (f.CreatedAt == at && f.FollowerId < after.Id))
                : edges.Where(f => f.CreatedAt < at || (f.CreatedAt == at && f.FolloweeId < after.Id));
        }

        var ordered = followers
            ? edges.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.FollowerId)
            : edges.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.FolloweeId);
        var rows = (await ordered.Take(size + 1).ToListAsync(cancellationToken))
            .Select(f => (Person: followers ? f.FollowerId : f.FolloweeId, At: f.CreatedAt)).ToList();
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(size);
        }

        var ids = rows.Select(r => r.Person).ToList();
        var people = await users.FindManyAsync(ids, cancellationToken);
        var me = viewer ?? 0;
        var followed = viewer is null ? [] : (await db.Follows.Where(f => f.FollowerId == me && ids.Contains(f.FolloweeId)).Select(f => f.FolloweeId).ToListAsync(cancellationToken)).ToHashSet();
        return new Page<PersonInList>(
            [.. rows.Where(r => people.ContainsKey(r.Person)).Select(r => new PersonInList(people[r.Person], followed.Contains(r.Person)))],
            more ? new Cursor(rows[^1].At.UtcTicks, rows[^1].Person).Encode() : null);
    }
}
