namespace Vermilion.Accounts.Sessions;

internal enum SessionKind
{
    Cookie = 1,
    Token = 2,
}

/// <summary>
/// One signed-in device: a browser cookie or an API token. Every request checks its session is still live, so
/// "sign out everywhere" and a password change end the others at once.
/// </summary>
internal sealed class Session
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public long Id { get; init; }

    public long UserId { get; init; }

    public SessionKind Kind { get; init; }

    /// <summary>SHA-256 of a bearer token; the token itself is shown once and never stored.</summary>
    public string? TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? UserAgent { get; init; }

    public bool IsLiveAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
