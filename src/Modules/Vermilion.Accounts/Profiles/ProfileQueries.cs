using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Users;

namespace Vermilion.Accounts.Profiles;

/// <summary>Reads a person with their profile and roles, for pages and the API.</summary>
internal sealed class ProfileQueries(AccountsDb db)
{
    public async Task<(User User, Profile Profile)?> FindAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var profile = user is null ? null : await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return user is null || profile is null ? null : (user, profile);
    }
}
