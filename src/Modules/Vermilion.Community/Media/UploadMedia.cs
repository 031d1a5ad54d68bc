using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Media;

/// <summary>What an upload became: its id (to put in a note, comment or message) and where it is served.</summary>
public sealed record MediaView(string Id, string Kind, string Url, int Width, int Height, double DurationSeconds = 0);

/// <summary>
/// Accepts a picture or a video, judged by content: checked, stripped of metadata, stored by hash. Pictures
/// are small enough to check in memory; videos are checked and cleaned in the file they were streamed to.
/// </summary>
internal sealed class UploadMediaHandler(CommunityDb db, IMediaStore store, IdGenerator ids, TimeProvider clock, IStringLocalizer text)
{
    public static long MaxBytes => Math.Max(ImageLimits.NoteImage.MaxBytes, VideoLimits.NoteVideo.MaxBytes);

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
        return await RecordAsync(new MediaAsset
        {
            Id = ids.Next(),
            OwnerId = ownerId,
            Kind = MediaKind.Image,
            Key = key,
            Width = image.Width,
            Height = image.Height,
            Bytes = image.Bytes.Length,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
    }

    /// <summary>An upload already streamed to <paramref name="path"/> (an incoming path of the store); the file is consumed.</summary>
    public async Task<Outcome<MediaView>> HandleFileAsync(long ownerId, string path, CancellationToken cancellationToken)
    {
        try
        {
            Span<byte> head = stackalloc byte[16];
            int read;
            using (var peek = File.OpenRead(path))
            {
                read = peek.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }

            if (!VideoInspector.LooksLikeVideo(head[..read]))
            {
                var length = new FileInfo(path).Length;
                return length > ImageLimits.NoteImage.MaxBytes
                    ? Failure.Invalid("file", text["media.toolarge", ImageLimits.NoteImage.MaxBytes / 1024 / 1024])
                    : await HandleAsync(ownerId, await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken);
            }

            return await VideoAsync(ownerId, path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<Outcome<MediaView>> VideoAsync(long ownerId, string path, CancellationToken cancellationToken)
    {
        var limits = VideoLimits.NoteVideo;
        CheckedVideo? video;
        VideoRejection? rejection;
        long bytes;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            (video, rejection) = VideoInspector.InspectAndClean(file, limits);
            bytes = file.Length;
        }

        if (video is null)
        {
            var reason = "media.video." + rejection.ToString()!.ToLowerInvariant();
            return Failure.Invalid("file", text[reason, limits.MaxBytes / 1024 / 1024, limits.MaxSide, (int)limits.MaxDuration.TotalMinutes]);
        }

        var key = await store.SaveFileAsync(path, video.Extension, cancellationToken);
        return await RecordAsync(new MediaAsset
        {
            Id = ids.Next(),
            OwnerId = ownerId,
            Kind = MediaKind.Video,
            Key = key,
            Width = video.Width,
            Height = video.Height,
            DurationSeconds = (int)Math.Ceiling(video.DurationSeconds),
            Bytes = bytes,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task<MediaView> RecordAsync(MediaAsset asset, CancellationToken cancellationToken)
    {
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(asset);
    }

    public static MediaView ToView(MediaAsset asset) =>
        new(ShortId.Encode(asset.Id), asset.Kind.ToString().ToLowerInvariant(), "/media/" + asset.Key, asset.Width, asset.Height, asset.DurationSeconds);
}
