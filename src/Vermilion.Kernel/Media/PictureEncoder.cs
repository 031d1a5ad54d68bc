using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>Scales and encodes pictures: WebP for every browser that takes it, JPEG for the few that do not.</summary>
public static class PictureEncoder
{
    private const int WebPQuality = 80;
    private const int JpegQuality = 82;

    public static byte[] WebP(SKBitmap picture)
    {
        using var pixels = picture.PeekPixels();
        using var encoded = pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebPQuality))
            ?? throw new InvalidOperationException("The WebP encoder refused the picture.");
        return encoded.ToArray();
    }

    /// <summary>JPEG has no transparency: transparent parts are laid on white, as a page would show them.</summary>
    public static byte[] Jpeg(SKBitmap picture)
    {
        using var opaque = new SKBitmap(picture.Info.WithAlphaType(SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(picture, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        using var pixels = opaque.PeekPixels();
        using var encoded = pixels.Encode(new SKJpegEncoderOptions(JpegQuality))
            ?? throw new InvalidOperationException("The JPEG encoder refused the picture.");
        return encoded.ToArray();
    }

    /// <summary>
    /// A copy at most <paramref name="width"/> wide (never wider than the original). Large reductions halve first,
    /// each halving averaging four pixels, so a 4000-pixel photo does not alias on its way to 540.
    /// </summary>
    public static SKBitmap ScaleToWidth(SKBitmap picture, int width)
    {
        var target = Math.Min(width, picture.Width);
        var height = Math.Max(1, (int)Math.Round((double)picture.Height * target / picture.Width));
        var current = picture;
        while (current.Width / 2 >= target * 2)
        {
            var half = current.Resize(new SKSizeI(current.Width / 2, Math.Max(1, current.Height / 2)), new SKSamplingOptions(SKFilterMode.Linear));
            if (!ReferenceEquals(current, picture))
            {
                current.Dispose();
            }

            current = half;
        }

        var scaled = current.Resize(new SKSizeI(target, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (!ReferenceEquals(current, picture))
        {
            current.Dispose();
        }

        return scaled;
    }
}
