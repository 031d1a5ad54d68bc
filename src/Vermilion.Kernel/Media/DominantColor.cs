using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>
/// The colour a picture is mostly made of, shown in its place while it loads so a feed does not flash white.
/// Pixels of a small copy are sorted into coarse colour buckets; the fullest bucket's average wins.
/// </summary>
public static class DominantColor
{
    public static string Of(SKBitmap picture)
    {
        using var small = PictureEncoder.ScaleToWidth(picture, 32);
        var counts = new Dictionary<int, (int N, long R, long G, long B)>();
        for (var y = 0; y < small.Height; y++)
        {
            for (var x = 0; x < small.Width; x++)
            {
                var c = small.GetPixel(x, y);
                if (c.Alpha < 128)
                {
                    continue;
                }

                var bucket = ((c.Red >> 5) << 6) | ((c.Green >> 5) << 3) | (c.Blue >> 5);
                counts.TryGetValue(bucket, out var sum);
                counts[bucket] = (sum.N + 1, sum.R + c.Red, sum.G + c.Green, sum.B + c.Blue);
            }
        }

        if (counts.Count == 0)
        {
            return "#ffffff";
        }

        var (n, r, g, b) = counts.Values.MaxBy(s => s.N);
        return $"#{r / n:x2}{g / n:x2}{b / n:x2}";
    }
}
