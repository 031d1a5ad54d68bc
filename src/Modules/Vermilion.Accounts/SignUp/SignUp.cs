using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Passwords;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Accounts.SignUp;

/// <summary>Sign up with a username or an e-mail address (or both) and a password.</summary>
public sealed record SignUpRequest(string? Username, string? Email, string? Password, string? Nickname, IReadOnlyList<string>? Interests);

internal sealed class SignUpHandler(
    AccountsDb db,
    IdGenerator ids,
    TimeProvider clock,
    IPasswordHasher<User> hasher,
    OutboxWriter outbox,
    IStringLocalizer text)
{
    public async Task<Outcome<User>> HandleAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var username = string.IsNullOrWhiteSpace(request.Username) ? null : request.Username.Trim();
        if (username is null && email is null)
        {
            errors.Add("username", text["accounts.username.required"]);
        }

        if (username is not null && !UserNames.IsValidUsername(username))
        {
            errors.Add("username", text["accounts.username.invalid"]);
        }

        if (email is not null && !UserNames.IsValidEmail(email))
        {
            errors.Add("email", text["accounts.email.invalid"]);
        }

        if (PasswordRules.Check(request.Password, username ?? email?.Split('@')[0]) is { } rule)
        {
            errors.Add("password", text[rule, PasswordRules.MinLength, PasswordRules.MaxLength]);
        }

        var nickname = ProfileText.Clean(request.Nickname);
        if (ProfileText.Length(nickname) > Profile.NicknameMax)
        {
            errors.Add("nickname", text["accounts.nickname.too_long", Profile.NicknameMax]);
        }

        var interests = Interests.Normalize(request.Interests, errors, text);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        username ??= await UsernameFromEmailAsync(email!, cancellationToken);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == UserNames.Normalize(username), cancellationToken))
        {
            return Failure.Invalid("username", text["accounts.username.taken"]) with { Kind = FailureKind.Conflict };
        }

        if (email is not null && await db.Users.AnyAsync(u => u.NormalizedEmail == UserNames.Normalize(email), cancellationToken))
        {
            return Failure.Invalid("email", text["accounts.email.taken"]) with { Kind = FailureKind.Conflict };
        }

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = ids.Next(),
            Username = username,
            NormalizedUsername = UserNames.Normalize(username),
            Email = email,
            NormalizedEmail = email is null ? null : UserNames.Normalize(email),
            PasswordHash = "",
            CreatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        db.Profiles.Add(new Profile
        {
            UserId = user.Id,
            Nickname = nickname.Length > 0 ? nickname : username,
            Interests = string.Join(',', interests),
            UpdatedAt = now,
        });
        db.OutboxMessages.Add(outbox.Wrap(new UserSignedUp(user.Id, username, interests)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups raced for the same name: the unique index decided, the loser hears it is taken.
            return Failure.Invalid("username", text["accounts.username.taken"]) with { Kind = FailureKind.Conflict };
        }

        return user;
    }

    private async Task<string> UsernameFromEmailAsync(string email, CancellationToken cancellationToken)
    {
        var stem = new string(email.Split('@')[0].Where(char.IsAsciiLetterOrDigit).Take(12).ToArray());
        if (stem.Length == 0 || !char.IsAsciiLetter(stem[0]))
        {
            stem = "u" + stem;
        }

        for (var attempt = 0; ; attempt++)
        {
            // Seven digits always (leading zeros kept), cut to the username limit of 20 characters.
            var digits = System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (stem + digits)[..Math.Min(20, stem.Length + digits.Length)];
            if (attempt > 5 || !await db.Users.AnyAsync(u => u.NormalizedUsername == UserNames.Normalize(candidate), cancellationToken))
            {
                return candidate;
            }
        }
    }
}
