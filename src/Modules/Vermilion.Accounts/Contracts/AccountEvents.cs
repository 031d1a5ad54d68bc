using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.Contracts;

/// <summary>A person joined; <paramref name="Interests"/> are what they picked at sign-up, for the first feed.</summary>
public sealed record UserSignedUp(long UserId, string Username, IReadOnlyList<string> Interests) : IDomainEvent;

public sealed record ProfileUpdated(long UserId) : IDomainEvent;

public sealed record RoleGranted(long UserId, string Role) : IDomainEvent;

/// <summary>A person closed their account: other modules withdraw what they published and what ties others to them.</summary>
public sealed record AccountDeleted(long UserId) : IDomainEvent;

/// <summary>
/// Wrong passwords for this account reached <paramref name="Failures"/> in a row, the run having started at
/// <paramref name="Since"/>: raised once per run, so the owner can be told someone is guessing.
/// </summary>
public sealed record SignInFailuresRepeated(long UserId, int Failures, DateTimeOffset Since) : IDomainEvent;
