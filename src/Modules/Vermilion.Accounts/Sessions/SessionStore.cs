using System.Linq.Expressions;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Sessions;

/// <summary>A live session as the authentication layer needs it.</summary>
internal sealed record LiveSession(long SessionId, long UserId, string Username, IReadOnlyList<string> Roles)
{
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(CurrentUser.UserIdClaim, UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(CurrentUser.SessionIdClaim, SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(CurrentUser.NameClaim, Username),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, CurrentUser.NameClaim, ClaimTypes.Role));
    }
}

/// <summary>
/// Opens, checks and ends sessions. Checks are cached for a few seconds per node: revocation is immediate on the
/// node that revoked and within <see cref="CacheFor"/> on the others.
/// </summary>
internal sealed class SessionStore(AccountsDb db, IdGenerator ids, TimeProvider clock, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async Task<LiveSession> OpenCookieAsync(long userId, string? userAgent, CancellationToken cancellationToken)
    {
        var session = NewSession(userId, SessionKind.Cookie, null, userAgent);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await LoadAsync(session.Id, cancellationToken) ?? throw new InvalidOperationException("A new session vanished.");
    }

    /// <summary>Opens an API session and returns its bearer token, which is never stored in the clear.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> OpenTokenAsync(long userId, string? userAgent, CancellationToken cancellationToken)
    {
        var token = "vm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = NewSession(userId, SessionKind.Token, Hash(token), userAgent);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (token, session.ExpiresAt);
    }

    public Task<LiveSession?> FindLiveAsync(long sessionId, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(CacheKey(sessionId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return LoadAsync(sessionId, cancellationToken);
        });

    public async Task<LiveSession?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var tokenKey = "token:" + Hash(token);
        if (cache.TryGetValue(tokenKey, out long? known))
        {
            return known is { } id ? await FindLiveAsync(id, cancellationToken) : null;
        }

        // A token not seen lately: its session, person and roles in one round trip, which fills both entries (a
        // crowd arriving at once, as at a flash sale, is mostly tokens not seen lately).
        var hash = Hash(token);
        var live = await LoadAsync(s => s.TokenHash == hash, cancellationToken);
        cache.Set(tokenKey, live?.SessionId, CacheFor);
        if (live is not null)
        {
            cache.Set(CacheKey(live.SessionId), live, CacheFor);
        }

        return live;
    }

    public async Task RevokeAsync(long sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), cancellationToken);
        cache.Remove(CacheKey(sessionId));
    }

    /// <summary>Ends every session of a person except, optionally, the one in hand.</summary>
    public async Task<int> RevokeAllAsync(long userId, long? except, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), cancellationToken);
        foreach (var id in live)
        {
            cache.Remove(CacheKey(id));
        }

        return live.Count;
    }

    private Task<LiveSession?> LoadAsync(long sessionId, CancellationToken cancellationToken) =>
        LoadAsync(s => s.Id == sessionId, cancellationToken);

    private async Task<LiveSession?> LoadAsync(Expression<Func<Session, bool>> which, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await db.Sessions.AsNoTracking()
            .Where(which)
            .Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new
            {
                s.Id, s.UserId, u.Username,
                Roles = db.UserRoles.Where(r => r.UserId == s.UserId).Select(r => r.Role).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new LiveSession(row.Id, row.UserId, row.Username, ["user", .. row.Roles]);
    }

    private Session NewSession(long userId, SessionKind kind, string? tokenHash, string? userAgent)
    {
        var now = clock.GetUtcNow();
        return new Session
        {
            Id = ids.Next(),
            UserId = userId,
            Kind = kind,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + Session.Lifetime,
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        };
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string CacheKey(long sessionId) => "session:" + sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
