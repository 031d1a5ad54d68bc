using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.Contracts;

/// <summary>A person joined; <paramref name="Interests"/> are what they picked at sign-up, for the first feed.</summary>
public sealed record UserSignedUp(long UserId, string Username, IReadOnlyList<string> Interests) : IDomainEvent;

public sealed record ProfileUpdated(long UserId) : IDomainEvent;

public sealed record RoleGranted(long UserId, string Role) : IDomainEvent;

/// <summary>A person closed their account: other modules withdraw what they published and what ties others to them.</summary>
public sealed record AccountDeleted(long UserId) : IDomainEvent;
