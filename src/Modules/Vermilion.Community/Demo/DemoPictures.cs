using Vermilion.Kernel.Media;

namespace Vermilion.Community.Demo;

/// <summary>A stored demo picture and its size.</summary>
internal sealed record DemoPicture(string Key, int Width, int Height);

/// <summary>
/// Illustrations for the demo community's picture notes, drawn here: a soft gradient with a few round shapes in
/// each channel's colours, in the three shapes notes come in (3:4, 1:1, 4:3). A small pool is reused across
/// notes, as the store keeps each picture once.
/// </summary>
internal static class DemoPictures
{
    private static readonly (int Width, int Height)[] Shapes = [(540, 720), (600, 600), (720, 540), (540, 720)];

    /// <summary>Palettes (sky, ground, three accents) by channel, in the order of <see cref="DemoTexts.Channels"/>.</summary>
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
    ];

    public static async Task<IReadOnlyList<DemoPicture>[]> DrawAsync(IMediaStore store, int perChannel, CancellationToken cancellationToken)
    {
        var pools = new IReadOnlyList<DemoPicture>[Palettes.Length];
        for (var channel = 0; channel < Palettes.Length; channel++)
        {
            var pool = new List<DemoPicture>(perChannel);
            for (var i = 0; i < perChannel; i++)
            {
                var (width, height) = Shapes[i % Shapes.Length];
                var png = PngEncoder.Encode(width, height, Draw(width, height, Palettes[channel], new Random((channel * 100) + i)));
                pool.Add(new DemoPicture(await store.SaveAsync(png, "png", cancellationToken), width, height));
            }

            pools[channel] = pool;
        }

        return pools;
    }

    private static byte[] Draw(int width, int height, uint[] palette, Random random)
    {
        var (sky, ground) = (palette[0], palette[1]);
        var horizon = height * (0.55 + (random.NextDouble() * 0.25));
        var shapes = Enumerable.Range(0, random.Next(3, 7)).Select(_ => (
            X: random.NextDouble() * width,
            Y: random.NextDouble() * height * 0.8,
            R: (0.08 + (random.NextDouble() * 0.22)) * Math.Min(width, height),
            Colour: palette[2 + random.Next(3)],
            Alpha: 0.55 + (random.NextDouble() * 0.4))).ToArray();
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var t = (double)y / height;
            var background = y < horizon ? Mix(sky, 0xFFFFFF, 0.35 * (1 - t)) : Mix(ground, sky, 0.25 * ((y - horizon) / (height - horizon)));
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Channels(background);
                foreach (var shape in shapes)
                {
                    var distance = Math.Sqrt(((x - shape.X) * (x - shape.X)) + ((y - shape.Y) * (y - shape.Y)));
                    // A one-pixel soft edge keeps the circles smooth without a real rasteriser.
                    var cover = Math.Clamp(shape.R - distance + 0.5, 0, 1) * shape.Alpha;
                    if (cover > 0)
                    {
                        var (sr, sg, sb) = Channels(shape.Colour);
                        (r, g, b) = (r + ((sr - r) * cover), g + ((sg - g) * cover), b + ((sb - b) * cover));
                    }
                }

                var at = ((y * width) + x) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = ((byte)r, (byte)g, (byte)b);
            }
        }

        return pixels;
    }

    private static (double R, double G, double B) Channels(uint rgb) => ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);

    private static uint Mix(uint a, uint b, double share)
    {
        var (ar, ag, ab) = Channels(a);
        var (br, bg, bb) = Channels(b);
        return ((uint)(ar + ((br - ar) * share)) << 16) | ((uint)(ag + ((bg - ag) * share)) << 8) | (uint)(ab + ((bb - ab) * share));
    }
}
