using System.Buffers.Binary;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Accepts PNG, JPEG and WebP by their bytes, never by their name: reads the real dimensions from the header
/// (refusing decompression bombs before any decoder sees them), checks the file is whole, and strips metadata.
/// </summary>
public static class ImageInspector
{
    public static (CheckedImage? Image, ImageRejection? Rejection) Inspect(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        if (data.IsEmpty)
        {
            return (null, ImageRejection.Empty);
        }

        if (data.Length > limits.MaxBytes)
        {
            return (null, ImageRejection.TooLarge);
        }

        var parsed = Detect(data) switch
        {
            ImageFormat.Png => PngFile.Read(data),
            ImageFormat.Jpeg => JpegFile.Read(data),
            ImageFormat.WebP => WebPFile.Read(data),
            _ => new ParsedImage(null, ImageRejection.Unsupported),
        };
        if (parsed.Image is not { } image)
        {
            return (null, parsed.Rejection ?? ImageRejection.Unsupported);
        }

        var fits = image.Width >= limits.MinSide && image.Height >= limits.MinSide
            && image.Width <= limits.MaxSide && image.Height <= limits.MaxSide
            && (long)image.Width * image.Height <= limits.MaxPixels;
        return fits ? (image, null) : (null, ImageRejection.Dimensions);
    }

    private static ImageFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngFile.Signature))
        {
            return ImageFormat.Png;
        }

        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (data.Length > 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    internal static int U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
}

internal readonly record struct ParsedImage(CheckedImage? Image, ImageRejection? Rejection)
{
    public static ParsedImage Truncated => new(null, ImageRejection.Truncated);

    public static ParsedImage Unsupported => new(null, ImageRejection.Unsupported);
}
