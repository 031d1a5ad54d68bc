namespace Vermilion.Kernel.Media;

public enum ImageFormat
{
    Png,
    Jpeg,
    WebP,
}

/// <summary>What an upload's header says, read before any pixel is decoded: format, upright size and orientation.</summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, SkiaSharp.SKEncodedOrigin Orientation);

/// <summary>Why an upload was refused; each is a localization key with the same name under <c>media.</c>.</summary>
public enum ImageRejection
{
    Empty,
    TooLarge,
    Unsupported,
    Truncated,
    Dimensions,
}

public sealed record ImageLimits(long MaxBytes, int MaxSide, long MaxPixels, int MinSide = 1)
{
    public static readonly ImageLimits Avatar = new(5 * 1024 * 1024, 8000, 40_000_000, 16);

    public static readonly ImageLimits NoteImage = new(20 * 1024 * 1024, 12000, 60_000_000, 16);

    /// <summary>Media already stored (old uploads, frames of our own videos) when a rendition is made from it.</summary>
    public static readonly ImageLimits Stored = new(200L * 1024 * 1024, 16000, 100_000_000);
}
