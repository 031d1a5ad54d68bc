using SkiaSharp;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Demo;

/// <summary>A stored demo picture, its size and dominant colour.</summary>
internal sealed record DemoPicture(string Key, int Width, int Height, string Color);

/// <summary>
/// Illustrations for the demo community's picture notes, drawn here with Skia: a soft gradient with a few round
/// shapes in each channel's colours and the channel's name set in Noto Sans CJK, in the three shapes notes come in
/// (3:4, 1:1, 4:3). A small pool per channel is reused across its notes, as the store keeps each picture once.
/// </summary>
internal static class DemoPictures
{
    private static readonly (int Width, int Height)[] Shapes = [(540, 720), (600, 600), (720, 540), (540, 720)];
    /// <summary>Palettes (sky, ground, three accents), named by each channel's <see cref="DemoChannel.Palette"/>.</summary>
    private static readonly uint[][] Palettes =
    [
        [0xFFE4EC, 0xFFB3C6, 0xFF4D79, 0xFFD166, 0xFFFFFF],
        [0xF3E9DC, 0xC9B79C, 0x8C6A4F, 0x2F2F2F, 0xE9D8C4],
        [0xFFF3D6, 0xFFD08A, 0xE85D04, 0x6A994E, 0xFFFFFF],
        [0xBDE0FE, 0x80C7A1, 0x3A86FF, 0xFFBE0B, 0xFFFFFF],
        [0xF6F1EB, 0xD9C7B8, 0x7D8F69, 0xE0A96D, 0xFFFFFF],
        [0xE9E4F5, 0xC9B6E4, 0x9D4EDD, 0xFF8FAB, 0xFFFFFF],
        [0xE8F1F8, 0xB8D4E3, 0x3D5A80, 0xEE6C4D, 0xFFFFFF],
        [0xE6F7F1, 0x9ED8C3, 0x06A77D, 0xF18F01, 0xFFFFFF],
        [0xFFF1F3, 0xFFD6DC, 0xF4978E, 0x84A59D, 0xFFFFFF],
        [0xECEFF4, 0xB0BAC9, 0x2E3440, 0x5E81AC, 0xD8DEE9],
        [0xFFF4E6, 0xF6C28B, 0xD9822B, 0x5B8E7D, 0xFFFFFF],
    ];

    /// <summary>A pool of pictures for each channel, in the order of <see cref="DemoTexts.Channels"/>, captioned with its name.</summary>
    public static async Task<IReadOnlyList<DemoPicture>[]> DrawAsync(Pictures store, int perChannel, CancellationToken cancellationToken)
    {
        var pools = new IReadOnlyList<DemoPicture>[DemoTexts.Channels.Length];
        for (var channel = 0; channel < pools.Length; channel++)
        {
            var palette = Palettes[DemoTexts.Channels[channel].Palette];
            var name = DemoTexts.Channels[channel].Name;
            var seed = channel * 100;
            pools[channel] = await Task.WhenAll(Enumerable.Range(0, perChannel).Select(i => Task.Run(async () =>
            {
                var (width, height) = Shapes[i % Shapes.Length];
                using var drawn = Draw(width, height, palette, name, new Random(seed + i));
                var stored = await store.SaveAsync(drawn, cancellationToken);
                return new DemoPicture(stored.Key, width, height, stored.Color);
            }, cancellationToken)));
        }

        return pools;
    }

    private static SKBitmap Draw(int width, int height, uint[] palette, string caption, Random random)
    {
        var (sky, ground) = (Color(palette[0]), Color(palette[1]));
        var horizon = (float)(height * (0.55 + (random.NextDouble() * 0.25)));
        var picture = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(picture);
        using var paint = new SKPaint { IsAntialias = true };
        using (var skyShade = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, horizon), [Mix(sky, SKColors.White, 0.35f), sky], SKShaderTileMode.Clamp))
        {
            paint.Shader = skyShade;
            canvas.DrawRect(0, 0, width, horizon, paint);
        }

        using (var groundShade = SKShader.CreateLinearGradient(new SKPoint(0, horizon), new SKPoint(0, height), [ground, Mix(ground, sky, 0.25f)], SKShaderTileMode.Clamp))
        {
            paint.Shader = groundShade;
            canvas.DrawRect(0, horizon, width, height - horizon, paint);
        }

        paint.Shader = null;
        for (var n = random.Next(3, 7); n > 0; n--)
        {
            var (x, y) = ((float)(random.NextDouble() * width), (float)(random.NextDouble() * height * 0.8));
            var radius = (float)((0.08 + (random.NextDouble() * 0.22)) * Math.Min(width, height));
            paint.Color = Color(palette[2 + random.Next(3)]).WithAlpha((byte)(255 * (0.55 + (random.NextDouble() * 0.4))));
            canvas.DrawCircle(x, y, radius, paint);
        }

        DrawCaption(canvas, paint, caption, height);
        return picture;
    }

    /// <summary>The channel's name on a white pill in the lower left, like a sticker on a photo.</summary>
    private static void DrawCaption(SKCanvas canvas, SKPaint paint, string caption, int height)
    {
        using var lettering = new Lettering(Typefaces.Bold, 34);
        var width = lettering.Measure(caption);
        var box = new SKRect(32, height - 96, 32 + width + 44, height - 40);
        paint.Color = SKColors.White.WithAlpha(220);
        canvas.DrawRoundRect(box, 28, 28, paint);
        paint.Color = new SKColor(0x33, 0x33, 0x33);
        lettering.Draw(canvas, caption, box.Left + 22, box.Bottom - 16, paint);
    }

    private static SKColor Color(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    private static SKColor Mix(SKColor a, SKColor b, float share) => new(
        (byte)(a.Red + ((b.Red - a.Red) * share)), (byte)(a.Green + ((b.Green - a.Green) * share)), (byte)(a.Blue + ((b.Blue - a.Blue) * share)));
}
