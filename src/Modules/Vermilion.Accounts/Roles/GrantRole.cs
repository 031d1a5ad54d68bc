using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.Roles;

/// <summary>Grants a role to a person found by username; granting a role they have changes nothing.</summary>
internal sealed class GrantRoleHandler(AccountsDb db, TimeProvider clock, OutboxWriter outbox, PersonCache people, IStringLocalizer text)
{
    public async Task<Outcome<bool>> HandleAsync(string username, string role, CancellationToken cancellationToken)
    {
        role = role.Trim().ToLowerInvariant();
        if (!Contracts.Roles.All.Contains(role) || role == Contracts.Roles.User)
        {
            return Failure.Invalid("role", text["accounts.role.unknown", string.Join(", ", Contracts.Roles.All.Skip(1))]);
        }

        var normalized = UserNames.Normalize(username);
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUsername == normalized, cancellationToken);
        if (user is null)
        {
            return new Failure(FailureKind.NotFound, text["accounts.user.not_found"]);
        }

        if (user.Roles.Any(r => r.Role == role))
        {
            return false;
        }

        user.Roles.Add(new UserRole { UserId = user.Id, Role = role, GrantedAt = clock.GetUtcNow() });
        db.OutboxMessages.Add(outbox.Wrap(new RoleGranted(user.Id, role)));
        await db.SaveChangesAsync(cancellationToken);
        people.Forget(user.Id);
        return true;
    }
}

internal sealed class RoleAdministration(GrantRoleHandler grant, IStringLocalizer text) : IRoleAdministration
{
    public async Task<RoleGrantResult> GrantAsync(string username, string role, CancellationToken cancellationToken)
    {
        var outcome = await grant.HandleAsync(username, role, cancellationToken);
        return outcome.Succeeded
            ? new RoleGrantResult(true, text[outcome.Value ? "accounts.role.granted" : "accounts.role.already", username, role])
            : new RoleGrantResult(false, outcome.Failure!.Message);
    }
}
