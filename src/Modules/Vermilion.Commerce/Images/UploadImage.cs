using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Commerce.Images;

public sealed record ImageView(string Id, string Url, int Width, int Height);

/// <summary>Accepts a picture by its bytes (format, size, dimensions checked), re-encodes it so only its pixels are kept, and stores it with its renditions.</summary>
internal sealed class UploadImageHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, Pictures pictures, IStringLocalizer text)
{
    public async Task<Outcome<ImageView>> HandleAsync(long ownerId, byte[]? bytes, CancellationToken cancellationToken)
    {
        if (bytes is null)
        {
            return Failure.Invalid("file", text["media.toolarge", ImageLimits.NoteImage.MaxBytes / 1024 / 1024]);
        }

        var (image, rejection) = await pictures.AcceptAsync(bytes, ImageLimits.NoteImage, cancellationToken);
        if (image is null)
        {
            var key = "media." + rejection!.Value.ToString().ToLowerInvariant();
            return Failure.Invalid("file", text[key, ImageLimits.NoteImage.MaxBytes / 1024 / 1024, ImageLimits.NoteImage.MaxSide]);
        }

        var row = new CommerceImage { Id = ids.Next(), OwnerId = ownerId, Key = image.Key, Width = image.Width, Height = image.Height, CreatedAt = clock.GetUtcNow() };
        db.Images.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new ImageView(ShortId.Encode(row.Id), "/media/" + image.Key, row.Width, row.Height);
    }
}
