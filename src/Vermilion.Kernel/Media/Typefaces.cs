using System.Globalization;
using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>
/// The faces the platform draws its own pictures with: Noto Sans CJK from Debian's <c>fonts-noto-cjk</c> (Chinese,
/// Japanese, Korean and Latin in one face) and Noto Color Emoji. The native Skia build carries no font lookup of
/// its own, so the files are found under the system's font folders; without them text falls back to Skia's
/// default face, and Chinese would draw as boxes (operations.md lists the package).
/// </summary>
public static class Typefaces
{
    // In the Noto CJK collections the faces go JP, KR, SC, TC, HK: index 2 draws Simplified Chinese forms.
    private const int SimplifiedChinese = 2;

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts"];

    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSansCJK-Bold.ttc", SimplifiedChinese) ?? SKTypeface.Default);

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("NotoSansCJK-Regular.ttc", SimplifiedChinese) ?? SKTypeface.Default);

    private static readonly Lazy<SKTypeface?> EmojiFace = new(() => Load("NotoColorEmoji.ttf", 0));

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Regular => RegularFace.Value;

    internal static SKTypeface? Emoji => EmojiFace.Value;

    private static SKTypeface? Load(string file, int index)
    {
        var path = FontFolders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, file, SearchOption.AllDirectories))
            .FirstOrDefault();
        return path is null ? null : SKTypeface.FromFile(path, index);
    }
}

/// <summary>Measures and draws lines of text in one face, switching to the emoji face for what the face lacks.</summary>
public sealed class Lettering : IDisposable
{
    private readonly SKFont main;
    private readonly SKFont? emoji;

    public Lettering(SKTypeface face, float size)
    {
        main = new SKFont(face, size);
        emoji = Typefaces.Emoji is { } e ? new SKFont(e, size) : null;
    }

    public float Size => main.Size;

    public float Measure(string text) => Runs(text).Sum(run => run.Font.MeasureText(run.Text));

    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKPaint paint)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        foreach (var (run, font) in Runs(text))
        {
            canvas.DrawText(run, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run);
        }
    }

    public void Dispose()
    {
        main.Dispose();
        emoji?.Dispose();
    }

    private IEnumerable<(string Text, SKFont Font)> Runs(string text)
    {
        var run = new System.Text.StringBuilder();
        SKFont? current = null;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var font = emoji is not null && !main.ContainsGlyph(char.ConvertToUtf32(element, 0)) ? emoji : main;
            if (current is not null && font != current)
            {
                yield return (run.ToString(), current);
                run.Clear();
            }

            current = font;
            run.Append(element);
        }

        if (current is not null)
        {
            yield return (run.ToString(), current);
        }
    }
}
