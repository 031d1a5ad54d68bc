using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.IpLocation;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.SignIn;

/// <summary>Sign in with a username or e-mail address and a password.</summary>
public sealed record SignInRequest(string? Login, string? Password);

/// <summary>
/// Checks credentials behind the throttle (wrong passwords slow the next attempt from that address, never lock the
/// account), tells the owner once when a run of failures grows long, and records where the person signed in from.
/// </summary>
internal sealed class SignInHandler(
    AccountsDb db,
    SignInThrottles throttles,
    OutboxWriter outbox,
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

        var address = ThrottleAddress.Of(from);
        var verdict = await throttles.BeginAsync(user.Id, address, cancellationToken);
        if (verdict.Wait is { } wait)
        {
            return Failure.TooMany(wait, "password", WaitMessage(wait));
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (result == PasswordVerificationResult.Failed)
        {
            // Only the attempt that took the run to the threshold sees this count, so the owner hears once per run.
            if (verdict.AccountFailures == ThrottlePolicy.NotifyAt)
            {
                db.OutboxMessages.Add(outbox.Wrap(new SignInFailuresRepeated(user.Id, verdict.AccountFailures, verdict.RunStartedAt)));
                await db.SaveChangesAsync(cancellationToken);
            }

            return wrong;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        }

        await throttles.SucceededAsync(user.Id, address, cancellationToken);
        var location = locations.Find(from);
        await db.Profiles.Where(p => p.UserId == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.IpLocation, location), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        people.Forget(user.Id);
        return user;
    }

    private string WaitMessage(TimeSpan wait) => wait < TimeSpan.FromMinutes(2)
        ? text["accounts.signin.throttled.seconds", Failure.Seconds(wait)]
        : text["accounts.signin.throttled.minutes", (int)Math.Ceiling(wait.TotalMinutes)];
}
