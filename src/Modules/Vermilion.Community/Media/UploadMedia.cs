using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Media;

/// <summary>What an upload became: its id (to put in a note, comment or message), where it is served and, for a picture, its dominant colour.</summary>
/// <remarks>
/// A video is <c>processing</c> until its rendition and poster are made (<c>Progress</c> in percent); its URL answers
/// once it is <c>ready</c>. A note may use it at once: published, it goes out when the video is ready.
/// </remarks>
public sealed record MediaView(string Id, string Kind, string Url, int Width, int Height, double DurationSeconds = 0, string? Color = null,
    string State = "ready", int Progress = 100, string? PosterUrl = null);

/// <summary>
/// Accepts a picture or a video, judged by content. Pictures are decoded and re-encoded (so only their pixels
/// are kept) with their renditions; videos are probed in the file they were streamed to, which then waits, never
/// served, for the background job that renders it (<see cref="VideoWorker"/>).
/// </summary>
internal sealed class UploadMediaHandler(CommunityDb db, IMediaStore store, Pictures pictures, VideoWorker videos, IdGenerator ids, TimeProvider clock, IStringLocalizer text)
{
    public static long MaxBytes => Math.Max(ImageLimits.NoteImage.MaxBytes, VideoLimits.NoteVideo.MaxBytes);

    public async Task<Outcome<MediaView>> HandleAsync(long ownerId, byte[] content, CancellationToken cancellationToken)
    {
        var limits = ImageLimits.NoteImage;
        var (picture, rejection) = await pictures.AcceptAsync(content, limits, cancellationToken);
        if (picture is null)
        {
            var reason = "media." + rejection.ToString()!.ToLowerInvariant();
            return Failure.Invalid("file", text[reason, limits.MaxBytes / 1024 / 1024, limits.MaxSide]);
        }

        return await RecordAsync(new MediaAsset
        {
            Id = ids.Next(),
            OwnerId = ownerId,
            Kind = MediaKind.Image,
            Key = picture.Key,
            Color = picture.Color,
            Width = picture.Width,
            Height = picture.Height,
            Bytes = content.Length,
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
        var (video, rejection) = await VideoInspector.InspectAsync(path, limits, cancellationToken);
        if (video is null)
        {
            var reason = "media.video." + rejection.ToString()!.ToLowerInvariant();
            return Failure.Invalid("file", text[reason, limits.MaxBytes / 1024 / 1024, limits.MaxSide, (int)limits.MaxDuration.TotalMinutes]);
        }

        // The rendition is named after the upload's hash: known now, so a note can point at it before it exists.
        string hash;
        await using (var file = File.OpenRead(path))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        var id = ids.Next();
        var source = $"{id}.{video.Extension}";
        var bytes = new FileInfo(path).Length;
        File.Move(path, store.SourcePath(source));
        var now = clock.GetUtcNow();
        db.VideoJobs.Add(new VideoJob { MediaId = id, Source = source, DurationSeconds = video.DurationSeconds, CreatedAt = now });
        var view = await RecordAsync(new MediaAsset
        {
            Id = id,
            OwnerId = ownerId,
            Kind = MediaKind.Video,
            Key = hash + ".mp4",
            Width = video.Width,
            Height = video.Height,
            DurationSeconds = (int)Math.Ceiling(video.DurationSeconds),
            Bytes = bytes,
            State = MediaState.Processing,
            CreatedAt = now,
        }, cancellationToken);
        videos.Wake();
        return view with { Progress = 0 };
    }

    private async Task<MediaView> RecordAsync(MediaAsset asset, CancellationToken cancellationToken)
    {
        db.MediaAssets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return ToView(asset);
    }

    public static MediaView ToView(MediaAsset asset, int progress = 100) =>
        new(ShortId.Encode(asset.Id), asset.Kind.ToString().ToLowerInvariant(), "/media/" + asset.Key, asset.Width, asset.Height, asset.DurationSeconds, asset.Color,
            asset.State.ToString().ToLowerInvariant(), asset.State == MediaState.Ready ? 100 : progress, asset.PosterKey is null ? null : "/media/" + asset.PosterKey);
}
