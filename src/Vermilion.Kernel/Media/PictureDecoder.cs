using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Decodes a checked upload into upright sRGB pixels. Only the pixels survive: EXIF, XMP, ICC profiles (applied,
/// then dropped), comments and whatever rides after the end of the picture (a polyglot's second file) are gone.
/// </summary>
public static class PictureDecoder
{
    public static (SKBitmap? Picture, ImageHeader? Header, ImageRejection? Rejection) Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        // The header is judged first: a bomb is refused here, before the pixel buffer below is allocated.
        using var bytes = SKData.CreateCopy(data);
        var (opened, header, rejection) = ImageInspector.Open(bytes, limits);
        if (opened is not { } codec || header is null)
        {
            return (null, null, rejection);
        }

        using var owned = codec;
        var stored = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var pixels = new SKBitmap(stored);
        var result = codec.GetPixels(stored, pixels.GetPixels());
        if (result != SKCodecResult.Success)
        {
            pixels.Dispose();
            return (null, null, result == SKCodecResult.IncompleteInput ? ImageRejection.Truncated : ImageRejection.Unsupported);
        }

        if (header.Orientation == SKEncodedOrigin.TopLeft)
        {
            return (pixels, header, null);
        }

        using (pixels)
        {
            return (Upright(pixels, header.Orientation), header, null);
        }
    }

    private static SKBitmap Upright(SKBitmap stored, SKEncodedOrigin origin)
    {
        var (width, height) = origin.SwapsSides() ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        var upright = new SKBitmap(stored.Info.WithSize(width, height));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(origin.ToUpright(width, height));
        canvas.DrawBitmap(stored, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }
}
