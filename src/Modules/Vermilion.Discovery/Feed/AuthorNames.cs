using Microsoft.Extensions.Caching.Memory;
using Vermilion.Accounts.Contracts;

namespace Vermilion.Discovery.Feed;

/// <summary>Display names for "你关注的…" reasons, kept ten minutes per node so a page rarely asks the accounts module.</summary>
internal sealed class AuthorNames : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public async Task<IReadOnlyDictionary<long, string>> FindAsync(IReadOnlyCollection<long> authors, IUserDirectory users, CancellationToken cancellationToken)
    {
        var names = new Dictionary<long, string>();
        var missing = new List<long>();
        foreach (var author in authors)
        {
            if (cache.TryGetValue(author, out string? name) && name is not null)
            {
                names[author] = name;
            }
            else
            {
                missing.Add(author);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (id, summary) in await users.FindManyAsync(missing, cancellationToken))
            {
                var name = summary.Closed ? "" : summary.Nickname;
                cache.Set(id, name, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
                names[id] = name;
            }
        }

        return names;
    }

    public void Dispose() => cache.Dispose();
}
