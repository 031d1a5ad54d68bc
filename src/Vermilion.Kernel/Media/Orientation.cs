using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>The EXIF orientation of a photo, as the decoder reports it: how stored pixels turn to stand upright.</summary>
internal static class Orientation
{
    /// <summary>Orientations 5–8 store the picture lying on its side: its upright width is the stored height.</summary>
    public static bool SwapsSides(this SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>Maps stored pixels onto the upright picture, <paramref name="width"/> × <paramref name="height"/> upright.</summary>
    public static SKMatrix ToUpright(this SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
