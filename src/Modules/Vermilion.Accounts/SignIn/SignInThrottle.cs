namespace Vermilion.Accounts.SignIn;

/// <summary>
/// Wrong passwords counted against one account from one address (a /64 for IPv6), or from every address at once
/// (<see cref="AnyAddress"/>). Too many make the next attempt wait; nothing ever locks the account.
/// </summary>
internal sealed class SignInThrottle
{
    /// <summary>The row that counts an account's failures from every address: the per-account ceiling.</summary>
    public const string AnyAddress = "*";

    public long UserId { get; init; }

    public required string Address { get; init; }

    /// <summary>Attempts since the last success or quiet spell; an attempt counts before its password is checked.</summary>
    public int Failures { get; set; }

    public DateTimeOffset? FirstFailureAt { get; set; }

    public DateTimeOffset? LastFailureAt { get; set; }

    /// <summary>No attempt is checked before this: it is refused with a 429 and not counted.</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The account signed in from this address before, so the per-account ceiling does not slow it.</summary>
    public bool Trusted { get; set; }
}
