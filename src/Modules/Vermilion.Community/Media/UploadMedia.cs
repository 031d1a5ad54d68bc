using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Media;

/// <summary>What an upload became: its id (to put in a note or comment) and where it is served.</summary>
public sealed record MediaView(string Id, string Kind, string Url, int Width, int Height);

/// <summary>Accepts an image for a note or comment: checked by content, stripped of metadata, stored by hash.</summary>
internal sealed class UploadMediaHandler(CommunityDb db, IMediaStore store, IdGenerator ids, TimeProvider clock, IStringLocalizer text)
{
    public async Task<Outcome<MediaView>> HandleAsync(long ownerId, byte[] content, CancellationToken cancellationToken)
    {
        var limits = ImageLimits.NoteImage;
        var (image, rejection) = ImageInspector.Inspect(content, limits);
        if (image is null)
        {
            var reason = "media." + rejection.ToString()!.ToLowerInvariant();
            return Failure.Invalid("file", text[reason, limits.MaxBytes / 1024 / 1024, limits.MaxSide]);
        }

        var key = await store.SaveAsync(image.Bytes, image.Extension, cancellationToken);
        var asset = new MediaAsset
        {
            Id = ids.Next(),
            OwnerId = ownerId,
            Kind = MediaKind.Image,
            Key = key,
            Width = image.Width,
            Height = image.Height,
            Bytes = image.Bytes.Length,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(asset);
    }

    public static MediaView ToView(MediaAsset asset) =>
        new(ShortId.Encode(asset.Id), asset.Kind.ToString().ToLowerInvariant(), "/media/" + asset.Key, asset.Width, asset.Height);
}
