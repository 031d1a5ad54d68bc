using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Ids;

namespace Vermilion.Accounts.Profiles;

internal sealed class UserDirectory(AccountsDb db, ProfileQueries profiles, PersonCache cache, IStringLocalizer text) : IUserDirectory
{
    public async Task<PublicProfile?> ProfileAsync(long userId, CancellationToken cancellationToken)
    {
        if (await profiles.FindAsync(userId, cancellationToken) is not { } found || found.User.DeletedAt is not null)
        {
            return null;
        }

        var view = UserViews.ToView(found.User, found.Profile);
        var summary = new UserSummary(userId, view.Id, view.Username, view.Nickname, view.AvatarUrl, view.IpLocation, view.Roles);
        return new PublicProfile(summary, view.Bio, view.Gender, view.City, view.Interests, view.JoinedAt);
    }

    public async Task<UserSummary?> FindAsync(long userId, CancellationToken cancellationToken) =>
        (await FindManyAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    public async Task<IReadOnlyDictionary<long, UserSummary>> FindManyAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<long, UserSummary>();
        }

        var rows = new List<PersonRow>(userIds.Count);
        var missing = new List<long>();
        foreach (var id in userIds.Distinct())
        {
            if (cache.Find(id) is { } cached)
            {
                rows.Add(cached);
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var row in await LoadAsync(missing, cancellationToken))
            {
                cache.Keep(row);
                rows.Add(row);
            }
        }

        // A closed account still appears where it once spoke (comments, messages), under a neutral name.
        return rows.ToDictionary(r => r.Id, r => new UserSummary(
            r.Id,
            ShortId.Encode(r.Id),
            r.Deleted ? "" : r.Username,
            r.Deleted ? text["accounts.deleted.name"] : r.Nickname,
            UserViews.AvatarUrl(r.Id, r.Deleted ? null : r.AvatarKey),
            r.Deleted ? null : r.IpLocation,
            r.Deleted ? [] : r.Roles,
            r.Deleted));
    }

    private async Task<List<PersonRow>> LoadAsync(List<long> userIds, CancellationToken cancellationToken)
    {
        // People with their roles in one round trip (a page of cards names many people nobody asked for lately).
        var rows = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Join(db.Profiles, u => u.Id, p => p.UserId, (u, p) => new
            {
                u.Id, u.Username, p.Nickname, p.AvatarKey, p.IpLocation, Deleted = u.DeletedAt != null,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.Role).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PersonRow(r.Id, r.Username, r.Nickname, r.AvatarKey, r.IpLocation, r.Deleted, ["user", .. r.Roles]))];
    }

    public async Task<long?> FindIdByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        var normalized = UserNames.Normalize(username);
        return await db.Users.Where(u => u.NormalizedUsername == normalized && u.DeletedAt == null).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> NewestAsync(int count, CancellationToken cancellationToken)
    {
        var ids = await db.Users.Where(u => u.DeletedAt == null).OrderByDescending(u => u.Id).Take(Math.Clamp(count, 1, 100)).Select(u => u.Id).ToListAsync(cancellationToken);
        var found = await FindManyAsync(ids, cancellationToken);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }
}
