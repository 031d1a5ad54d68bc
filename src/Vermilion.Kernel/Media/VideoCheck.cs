namespace Vermilion.Kernel.Media;

public enum VideoFormat
{
    Mp4,
    WebM,
}

/// <summary>A video accepted by content: its container, upright picture size, length and whether it has sound.</summary>
public sealed record CheckedVideo(VideoFormat Format, int Width, int Height, double DurationSeconds, bool HasAudio)
{
    public string Extension => Format == VideoFormat.Mp4 ? "mp4" : "webm";
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
