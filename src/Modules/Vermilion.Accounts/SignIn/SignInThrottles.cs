using Microsoft.EntityFrameworkCore;

namespace Vermilion.Accounts.SignIn;

/// <summary>What the throttle said about one attempt: wait this long, or go on (and how far the account's run has got).</summary>
internal readonly record struct ThrottleVerdict(TimeSpan? Wait, int AccountFailures, DateTimeOffset RunStartedAt)
{
    public static ThrottleVerdict Refused(TimeSpan wait) => new(wait, 0, default);
}

/// <summary>
/// Counts sign-in attempts in the database, so every node and every concurrent request sees the same counts. An
/// attempt is counted before its password is checked, by a compare-and-set on the count: a burst of parallel guesses
/// is counted one by one and the ones past the threshold are refused, instead of all slipping through one check.
/// A success sets its counts back to zero.
/// </summary>
internal sealed class SignInThrottles(AccountsDb db, TimeProvider clock)
{
    private const int MaxRaces = 8;

    public async Task<ThrottleVerdict> BeginAsync(long userId, string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.SignInThrottles.AsNoTracking()
            .Where(t => t.UserId == userId && (t.Address == address || t.Address == SignInThrottle.AnyAddress))
            .ToListAsync(cancellationToken);
        var pair = rows.Find(r => r.Address == address);
        var account = rows.Find(r => r.Address == SignInThrottle.AnyAddress);
        if (pair?.BlockedUntil is { } pairUntil && pairUntil > now)
        {
            return ThrottleVerdict.Refused(pairUntil - now);
        }

        // An address the owner signed in from before is not slowed by failures from elsewhere.
        if (pair is not { Trusted: true } && account?.BlockedUntil is { } accountUntil && accountUntil > now)
        {
            return ThrottleVerdict.Refused(accountUntil - now);
        }

        var counted = await CountAsync(userId, address, now, ThrottlePolicy.PairDelay, refuseWhileBlocked: true, cancellationToken);
        if (counted.Wait is not null)
        {
            return counted;
        }

        return await CountAsync(userId, SignInThrottle.AnyAddress, now, ThrottlePolicy.AccountDelay, refuseWhileBlocked: false, cancellationToken);
    }

    public Task SucceededAsync(long userId, string address, CancellationToken cancellationToken) =>
        db.SignInThrottles
            .Where(t => t.UserId == userId && (t.Address == address || t.Address == SignInThrottle.AnyAddress))
            .ExecuteUpdateAsync(
                u => u.SetProperty(t => t.Failures, 0)
                    .SetProperty(t => t.FirstFailureAt, (DateTimeOffset?)null)
                    .SetProperty(t => t.BlockedUntil, (DateTimeOffset?)null)
                    .SetProperty(t => t.Trusted, t => t.Trusted || t.Address == address),
                cancellationToken);

    private async Task<ThrottleVerdict> CountAsync(
        long userId, string address, DateTimeOffset now, Func<int, TimeSpan> delayAfter, bool refuseWhileBlocked, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO accounts_sign_in_throttles (user_id, address, failures, trusted) VALUES ({userId}, {address}, 0, {false}) ON CONFLICT DO NOTHING",
            cancellationToken);
        for (var race = 0; race < MaxRaces; race++)
        {
            var row = await db.SignInThrottles.AsNoTracking().FirstAsync(t => t.UserId == userId && t.Address == address, cancellationToken);
            if (refuseWhileBlocked && row.BlockedUntil is { } until && until > now)
            {
                return ThrottleVerdict.Refused(until - now);
            }

            var fresh = row.LastFailureAt is { } last && now - last < ThrottlePolicy.ForgetAfter;
            var failures = (fresh ? row.Failures : 0) + 1;
            var startedAt = fresh && row.FirstFailureAt is { } first ? first : now;
            var delay = delayAfter(failures);
            DateTimeOffset? blockedUntil = delay > TimeSpan.Zero ? now + delay : null;
            var expected = row.Failures;
            var updated = await db.SignInThrottles
                .Where(t => t.UserId == userId && t.Address == address && t.Failures == expected)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(t => t.Failures, failures)
                        .SetProperty(t => t.FirstFailureAt, startedAt)
                        .SetProperty(t => t.LastFailureAt, now)
                        .SetProperty(t => t.BlockedUntil, blockedUntil),
                    cancellationToken);
            if (updated == 1)
            {
                return new ThrottleVerdict(null, failures, startedAt);
            }
        }

        // Lost every race: so many attempts at once on one account is itself a reason to wait.
        return ThrottleVerdict.Refused(TimeSpan.FromSeconds(1));
    }
}
