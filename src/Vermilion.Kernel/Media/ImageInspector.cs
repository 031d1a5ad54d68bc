using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Judges an upload by its bytes, never its name: the magic bytes must be PNG, JPEG or WebP (the decoder knows
/// more formats than we want to accept), and the size the header declares must fit the limits. Nothing is decoded
/// here, so a decompression bomb is refused before a pixel buffer is ever allocated.
/// </summary>
public static class ImageInspector
{
    public static (ImageHeader? Header, ImageRejection? Rejection) Inspect(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        using var bytes = SKData.CreateCopy(data);
        var (codec, header, rejection) = Open(bytes, limits);
        codec?.Dispose();
        return (header, rejection);
    }

    /// <summary>Reads the header; the codec it returns (the caller's to dispose) is ready to decode a picture that fits.</summary>
    internal static (SKCodec? Codec, ImageHeader? Header, ImageRejection? Rejection) Open(SKData data, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.IsEmpty)
        {
            return (null, null, ImageRejection.Empty);
        }

        if (data.Size > limits.MaxBytes)
        {
            return (null, null, ImageRejection.TooLarge);
        }

        if (Detect(data.AsSpan()) is not { } format)
        {
            return (null, null, ImageRejection.Unsupported);
        }

        // The codec owns the stream from here (and frees it at once if it cannot read the header).
        var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        if (codec is null)
        {
            return (null, null, result == SKCodecResult.IncompleteInput ? ImageRejection.Truncated : ImageRejection.Unsupported);
        }

        var orientation = codec.EncodedOrigin;
        var (width, height) = orientation.SwapsSides() ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);
        var fits = width >= limits.MinSide && height >= limits.MinSide
            && width <= limits.MaxSide && height <= limits.MaxSide
            && (long)width * height <= limits.MaxPixels;
        if (!fits)
        {
            codec.Dispose();
            return (null, null, ImageRejection.Dimensions);
        }

        return (codec, new ImageHeader(format, width, height, orientation), null);
    }

    public static ImageFormat? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
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
}
