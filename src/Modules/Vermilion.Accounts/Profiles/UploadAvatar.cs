using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Media;

namespace Vermilion.Accounts.Profiles;

/// <summary>Replaces a person's avatar with an image checked by its content and re-encoded, so only its pixels are kept.</summary>
internal sealed class UploadAvatarHandler(AccountsDb db, Pictures media, TimeProvider clock, OutboxWriter outbox, PersonCache people, IStringLocalizer text)
{
    public async Task<Outcome<Profile>> HandleAsync(long userId, byte[] content, CancellationToken cancellationToken)
    {
        var (image, rejection) = await media.AcceptAsync(content, ImageLimits.Avatar, cancellationToken);
        if (image is null)
        {
            var reason = "media." + rejection.ToString()!.ToLowerInvariant();
            return Failure.Invalid("avatar", text[reason, ImageLimits.Avatar.MaxBytes / 1024 / 1024, ImageLimits.Avatar.MaxSide]);
        }

        var profile = await db.Profiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            return new Failure(FailureKind.NotFound, text["accounts.user.not_found"]);
        }

        profile.AvatarKey = image.Key;
        profile.UpdatedAt = clock.GetUtcNow();
        db.OutboxMessages.Add(outbox.Wrap(new ProfileUpdated(userId)));
        await db.SaveChangesAsync(cancellationToken);
        people.Forget(userId);
        return profile;
    }
}
