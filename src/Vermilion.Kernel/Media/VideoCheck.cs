namespace Vermilion.Kernel.Media;

public enum VideoFormat
{
    Mp4,
    WebM,
}

/// <summary>A video accepted by content: its container, picture size and length. Its metadata was blanked in place.</summary>
public sealed record CheckedVideo(VideoFormat Format, int Width, int Height, double DurationSeconds)
{
    public string Extension => Format == VideoFormat.Mp4 ? "mp4" : "webm";

    public string ContentType => Format == VideoFormat.Mp4 ? "video/mp4" : "video/webm";
}

/// <summary>Why a video was refused; each is a localization key with the same name under <c>media.video.</c>.</summary>
public enum VideoRejection
{
    Empty,
    TooLarge,
    Unsupported,
    Truncated,
    NoPicture,
    Dimensions,
    TooLong,
    TooShort,
}

public sealed record VideoLimits(long MaxBytes, int MaxSide, TimeSpan MaxDuration, TimeSpan MinDuration)
{
    /// <summary>A note's video: up to 15 minutes and 200 MB, at most 4K on a side.</summary>
    public static readonly VideoLimits NoteVideo = new(200L * 1024 * 1024, 4096, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1));
}

internal readonly record struct ParsedVideo(CheckedVideo? Video, VideoRejection? Rejection)
{
    public static ParsedVideo Truncated => new(null, VideoRejection.Truncated);

    public static ParsedVideo Unsupported => new(null, VideoRejection.Unsupported);

    public static ParsedVideo NoPicture => new(null, VideoRejection.NoPicture);
}
