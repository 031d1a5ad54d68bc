using Microsoft.Extensions.Caching.Memory;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>Who is asking, as the feed needs to know them: interests, city, whom they follow and whom they avoid.</summary>
internal sealed record ViewerProfile(IReadOnlyList<string> Interests, string City, IReadOnlySet<long> Following, IReadOnlySet<long> Blocked)
{
    public static ViewerProfile Nobody { get; } = new([], "", new HashSet<long>(), new HashSet<long>());
}

/// <summary>
/// Profiles and social ties read from the accounts and community modules, kept for a minute per person on each
/// node (and dropped at once when this node hears of a follow, a block or a profile change), so a feed page costs
/// no query for them most of the time.
/// </summary>
internal sealed class ViewerContextCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<ViewerProfile> GetAsync(long userId, IUserDirectory users, ISocialGraph graph, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(userId, out ViewerProfile? known) && known is not null)
        {
            return known;
        }

        var profile = await users.ProfileAsync(userId, cancellationToken);
        var following = await graph.FollowingAsync(userId, cancellationToken);
        var blocked = await graph.BlockedEitherWayAsync(userId, cancellationToken);
        var viewer = new ViewerProfile(profile?.Interests ?? [], profile?.City ?? "", following.ToHashSet(), blocked);
        cache.Set(userId, viewer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return viewer;
    }

    public void Forget(long userId) => cache.Remove(userId);

    public void Dispose() => cache.Dispose();
}
