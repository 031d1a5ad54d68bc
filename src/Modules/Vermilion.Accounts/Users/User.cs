namespace Vermilion.Accounts.Users;

/// <summary>An account: how a person signs in. What others see of them is the <see cref="Profiles.Profile"/>.</summary>
internal sealed class User
{
    public long Id { get; init; }

    public required string Username { get; set; }

    /// <summary>Lower-case username: unique, so "Alice" and "alice" cannot both exist.</summary>
    public required string NormalizedUsername { get; set; }

    public string? Email { get; set; }

    public string? NormalizedEmail { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the person closed the account (注销); it can no longer sign in, and others see "account closed".</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public List<UserRole> Roles { get; init; } = [];
}

internal sealed class UserRole
{
    public long UserId { get; init; }

    public required string Role { get; init; }

    public DateTimeOffset GrantedAt { get; init; }
}
