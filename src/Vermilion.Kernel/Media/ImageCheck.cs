namespace Vermilion.Kernel.Media;

public enum ImageFormat
{
    Png,
    Jpeg,
    WebP,
}

/// <summary>An image accepted by content: its real format, its size, and its bytes with metadata removed.</summary>
public sealed record CheckedImage(ImageFormat Format, int Width, int Height, byte[] Bytes)
{
    public string Extension => Format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        _ => "webp",
    };

    public string ContentType => Format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        _ => "image/webp",
    };
}

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
}
