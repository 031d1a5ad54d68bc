using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Accounts.Profiles;

/// <summary>A partial profile update: fields left null stay as they are.</summary>
public sealed record UpdateProfileRequest(
    string? Nickname,
    string? Bio,
    string? Gender,
    DateOnly? Birthday,
    string? City,
    IReadOnlyList<string>? Interests,
    bool ClearBirthday = false);

internal sealed class UpdateProfileHandler(AccountsDb db, TimeProvider clock, OutboxWriter outbox, PersonCache people, IStringLocalizer text)
{
    public async Task<Outcome<Profile>> HandleAsync(long userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            return new Failure(FailureKind.NotFound, text["accounts.user.not_found"]);
        }

        var errors = new FieldErrors();
        var nickname = request.Nickname is null ? null : ProfileText.Clean(request.Nickname);
        if (nickname is not null && (nickname.Length == 0 || ProfileText.Length(nickname) > Profile.NicknameMax))
        {
            errors.Add("nickname", text["accounts.nickname.length", Profile.NicknameMax]);
        }

        var bio = request.Bio is null ? null : ProfileText.Clean(request.Bio);
        if (bio is not null && ProfileText.Length(bio) > Profile.BioMax)
        {
            errors.Add("bio", text["accounts.bio.too_long", Profile.BioMax]);
        }

        Gender? gender = null;
        if (request.Gender is not null)
        {
            if (Enum.TryParse<Gender>(request.Gender, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Gender, out _))
            {
                gender = parsed;
            }
            else
            {
                errors.Add("gender", text["accounts.gender.invalid"]);
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Birthday is { } birthday && (birthday > today || birthday < new DateOnly(1900, 1, 1)))
        {
            errors.Add("birthday", text["accounts.birthday.invalid"]);
        }

        var city = request.City is null ? null : ProfileText.Clean(request.City);
        if (city is not null && ProfileText.Length(city) > Profile.CityMax)
        {
            errors.Add("city", text["accounts.city.too_long", Profile.CityMax]);
        }

        var interests = request.Interests is null ? null : Interests.Normalize(request.Interests, errors, text);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        profile.Nickname = nickname ?? profile.Nickname;
        profile.Bio = bio ?? profile.Bio;
        profile.Gender = gender ?? profile.Gender;
        profile.Birthday = request.ClearBirthday ? null : request.Birthday ?? profile.Birthday;
        profile.City = city ?? profile.City;
        profile.Interests = interests is null ? profile.Interests : string.Join(',', interests);
        profile.UpdatedAt = clock.GetUtcNow();
        db.OutboxMessages.Add(outbox.Wrap(new ProfileUpdated(userId)));
        await db.SaveChangesAsync(cancellationToken);
        people.Forget(userId);
        return profile;
    }
}
