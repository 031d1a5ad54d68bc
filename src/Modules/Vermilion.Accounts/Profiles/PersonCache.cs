using Microsoft.Extensions.Caching.Memory;

namespace Vermilion.Accounts.Profiles;

/// <summary>What the directory needs to show a person, as stored (nothing localized, so one entry serves every language).</summary>
internal sealed record PersonRow(long Id, string Username, string Nickname, string? AvatarKey, string? IpLocation, bool Deleted, IReadOnlyList<string> Roles);

/// <summary>
/// How people appear is read on nearly every page (every card, comment and message names someone), so each node
/// keeps the rows for a minute. A change made on this node forgets the person at once; other nodes catch up
/// within the minute.
/// </summary>
internal sealed class PersonCache(IMemoryCache cache)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(1);

    public PersonRow? Find(long userId) => cache.TryGetValue(Key(userId), out PersonRow? row) ? row : null;

    public void Keep(PersonRow row) => cache.Set(Key(row.Id), row, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 });

    public void Forget(long userId) => cache.Remove(Key(userId));

    private static string Key(long userId) => "accounts.person." + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
