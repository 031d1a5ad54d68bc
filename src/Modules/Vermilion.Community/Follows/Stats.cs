using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Follows;

/// <summary>Atomic changes to the profile counters; a person's row is made on first need.</summary>
internal static class Stats
{
    public static async Task EnsureAsync(CommunityDb db, long userId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_user_stats (user_id, following, followers, likes_received, collects_received, notes) VALUES ({userId}, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING",
            cancellationToken);

    /// <summary>
    /// Moves two people's counters, always locking the lower id first: two follows in opposite directions
    /// then queue instead of deadlocking.
    /// </summary>
    public static async Task AddPairAsync(CommunityDb db, (long User, StatsField Field, int Delta) a, (long User, StatsField Field, int Delta) b, CancellationToken cancellationToken)
    {
        var (first, second) = a.User <= b.User ? (a, b) : (b, a);
        await AddAsync(db, first.User, first.Field, first.Delta, cancellationToken);
        await AddAsync(db, second.User, second.Field, second.Delta, cancellationToken);
    }

    public static async Task AddAsync(CommunityDb db, long userId, StatsField field, int delta, CancellationToken cancellationToken)
    {
        await EnsureAsync(db, userId, cancellationToken);
        var row = db.UserStats.Where(s => s.UserId == userId);
        _ = field switch
        {
            StatsField.Following => await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.Following, s => s.Following + delta), cancellationToken),
            StatsField.Followers => await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.Followers, s => s.Followers + delta), cancellationToken),
            StatsField.LikesReceived => await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.LikesReceived, s => s.LikesReceived + delta), cancellationToken),
            StatsField.CollectsReceived => await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.CollectsReceived, s => s.CollectsReceived + delta), cancellationToken),
            _ => await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.Notes, s => s.Notes + delta), cancellationToken),
        };
    }
}

internal enum StatsField
{
    Following,
    Followers,
    LikesReceived,
    CollectsReceived,
    Notes,
}
