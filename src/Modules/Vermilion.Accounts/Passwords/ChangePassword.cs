using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;

namespace Vermilion.Accounts.Passwords;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Changes a password after checking the current one, and ends every other session of the person.</summary>
internal sealed class ChangePasswordHandler(AccountsDb db, IPasswordHasher<User> hasher, SessionStore sessions, IStringLocalizer text)
{
    public async Task<Outcome<int>> HandleAsync(long userId, long? currentSession, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new Failure(FailureKind.NotFound, text["accounts.user.not_found"]);
        }

        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > 1024
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            return Failure.Invalid("currentPassword", text["accounts.password.current_wrong"]);
        }

        if (PasswordRules.Check(request.NewPassword, user.Username) is { } rule)
        {
            return Failure.Invalid("newPassword", text[rule, PasswordRules.MinLength, PasswordRules.MaxLength]);
        }

        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        await db.SaveChangesAsync(cancellationToken);
        return await sessions.RevokeAllAsync(userId, currentSession, cancellationToken);
    }
}
