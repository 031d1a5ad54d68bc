namespace Vermilion.Accounts.Contracts;

public sealed record RoleGrantResult(bool Succeeded, string Message);

/// <summary>Grants roles, for the operator's command line and the admin pages.</summary>
public interface IRoleAdministration
{
    Task<RoleGrantResult> GrantAsync(string username, string role, CancellationToken cancellationToken);
}
