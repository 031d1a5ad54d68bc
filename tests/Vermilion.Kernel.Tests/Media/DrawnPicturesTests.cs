using SkiaSharp;
using Vermilion.Kernel.Media;

namespace Vermilion.Kernel.Tests.Media;

public sealed class DrawnPicturesTests
{
    [Fact]
    public void ChineseText_IsDrawnWithRealGlyphsNotBoxes()
    {
        // Without a CJK face every character would draw as the same missing-glyph box.
        using var lettering = new Lettering(Typefaces.Bold, 64);

        Assert.NotEqual(Ink("露营"), Ink("穿搭"));
        Assert.True(lettering.Measure("露营装备") > lettering.Measure("露营"));
    }

    private static int Ink(string text)
    {
        using var bitmap = new SKBitmap(200, 100);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        using var lettering = new Lettering(Typefaces.Bold, 64);
        canvas.Clear(SKColors.White);
        lettering.Draw(canvas, text, 4, 80, paint);
        var hash = 0;
        for (var y = 0; y < 100; y += 2)
        {
            for (var x = 0; x < 200; x += 2)
            {
                hash = (hash * 31) + (bitmap.GetPixel(x, y).Red < 128 ? 1 : 0);
            }
        }

        return hash;
    }
}
