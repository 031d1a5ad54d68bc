using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.IpLocation;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;

namespace Vermilion.Accounts.SignIn;

/// <summary>Sign in with a username or e-mail address and a password.</summary>
public sealed record SignInRequest(string? Login, string? Password);

/// <summary>Checks credentials, counting failures toward a lockout, and records where the person signed in from.</summary>
internal sealed class SignInHandler(
    AccountsDb db,
    TimeProvider clock,
    IPasswordHasher<User> hasher,
    IIpLocationLookup locations,
    PersonCache people,
    IStringLocalizer text)
{
    public async Task<Outcome<User>> HandleAsync(SignInRequest request, IPAddress? from, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(request.Login))
            {
                errors.Add("login", text["accounts.login.required"]);
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors.Add("password", text["accounts.password.required"]);
            }

            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var login = UserNames.Normalize(request.Login);
        var user = UserNames.LooksLikeEmail(login)
            ? await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == login, cancellationToken)
            : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUsername == login, cancellationToken);
        var wrong = new Failure(FailureKind.Unauthorized, text["accounts.signin.wrong"]);
        if (user is null || user.DeletedAt is not null || request.Password.Length > 1024)
        {
            return wrong;
        }

        var now = clock.GetUtcNow();
        if (user.IsLockedAt(now))
        {
            var minutes = (int)Math.Ceiling((user.LockedUntil!.Value - now).TotalMinutes);
            return new Failure(FailureKind.Locked, text["accounts.signin.locked", minutes]);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
            return wrong;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        }

        user.RecordSignIn();
        var location = locations.Find(from);
        await db.Profiles.Where(p => p.UserId == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.IpLocation, location), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        people.Forget(user.Id);
        return user;
    }
}
