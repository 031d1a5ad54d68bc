using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Sessions;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.Users;

public sealed record DeleteAccountRequest(string? Password);

/// <summary>
/// Closes an account (注销) after the password is confirmed: the profile is emptied, every session ends, and the
/// other modules are told so they withdraw the person's notes and follows. The row stays, so the username is
/// never given to someone else and old comments still name "an account that was closed".
/// </summary>
internal sealed class DeleteAccountHandler(
    AccountsDb db,
    IPasswordHasher<User> hasher,
    SessionStore sessions,
    TimeProvider clock,
    OutboxWriter outbox,
    Profiles.PersonCache people,
    IStringLocalizer text)
{
    public async Task<Outcome<bool>> HandleAsync(long userId, DeleteAccountRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.DeletedAt == null, cancellationToken);
        if (user is null)
        {
            return new Failure(FailureKind.NotFound, text["accounts.user.not_found"]);
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 1024
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return Failure.Invalid("password", text["accounts.password.current_wrong"]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DeletedAt = now;
        user.Email = null;
        user.NormalizedEmail = null;
        await db.Profiles.Where(p => p.UserId == userId).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.Bio, "").SetProperty(p => p.AvatarKey, (string?)null).SetProperty(p => p.City, "")
                .SetProperty(p => p.Interests, "").SetProperty(p => p.Birthday, (DateOnly?)null).SetProperty(p => p.UpdatedAt, now),
            cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new AccountDeleted(userId)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        people.Forget(userId);
        await sessions.RevokeAllAsync(userId, except: null, cancellationToken);
        return true;
    }
}
