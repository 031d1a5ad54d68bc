using System.Text.RegularExpressions;
using SkiaSharp;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Notes;

/// <summary>
/// Draws a text-card note's cover: the words themselves, set in Noto Sans CJK on a styled 3:4 card, stored like
/// any picture (WebP with card and detail renditions). Lines are broken by measured width, between words in
/// Latin text and between characters in Chinese.
/// </summary>
internal static partial class TextCards
{
    public const int Width = 900;
    public const int Height = 1200;
    private const float Margin = 90;

    private static readonly (uint Background, uint Accent, uint Ink)[] Styles =
    [
        (0xFFF4F5, 0xFF2442, 0x222222),
        (0xFFF8E7, 0xF5A623, 0x3A2E1F),
        (0xEEF6FF, 0x3B82F6, 0x1E293B),
        (0xF1FBF4, 0x22A06B, 0x16302B),
        (0x2B2B2B, 0xFFD166, 0xFFFFFF),
        (0xF6F0FF, 0x8B5CF6, 0x2E1065),
    ];

    public static int StyleCount => Styles.Length;

    /// <summary>Draws the note's words as its cover and stores it.</summary>
    public static async Task DrawCoverAsync(Note note, Pictures pictures, CancellationToken cancellationToken)
    {
        using var card = Render(note.Title, note.Body, note.CardStyle);
        var stored = await pictures.SaveAsync(card, cancellationToken);
        (note.CoverKey, note.CoverColor, note.CoverWidth, note.CoverHeight) = (stored.Key, stored.Color, Width, Height);
    }

    public static SKBitmap Render(string title, string body, int style)
    {
        var (background, accent, ink) = Styles[Math.Clamp(style, 0, Styles.Length - 1)];
        var text = title.Length > 0 ? title : body;
        // Large type for a few words; smaller when they would take more than three lines.
        var lettering = new Lettering(Typefaces.Bold, 84);
        var lines = Wrap(text, 8, lettering);
        if (lines.Count > 3)
        {
            lettering.Dispose();
            lettering = new Lettering(Typefaces.Bold, 68);
            lines = Wrap(text, 8, lettering);
        }

        using var _ = lettering;
        var lineHeight = lettering.Size * 1.45f;
        var top = ((Height - (lines.Count * lineHeight)) / 2) + lettering.Size;

        var card = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(card);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.Clear(Color(background));
        paint.Color = Color(accent);
        canvas.DrawRoundRect(new SKRect(Margin, 120, Margin + 120, 134), 7, 7, paint);
        canvas.DrawCircle(Width - 130, Height - 130, 40, paint);
        paint.Color = Color(ink);
        for (var i = 0; i < lines.Count; i++)
        {
            lettering.Draw(canvas, lines[i], Margin, top + (i * lineHeight), paint);
        }

        return card;
    }

    private static SKColor Color(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    private static List<string> Wrap(string text, int maxLines, Lettering lettering)
    {
        var room = Width - (2 * Margin);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var piece in Pieces().Matches(paragraph.Trim()).Select(m => m.Value))
            {
                var longer = line + piece;
                if (lettering.Measure(longer.TrimEnd()) > room && line.Length > 0)
                {
                    lines.Add(line.TrimEnd());
                    line = piece.TrimStart();
                }
                else
                {
                    line = longer;
                }
            }

            lines.Add(line.TrimEnd());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].TrimEnd() + "…";
        }

        return lines.Where((l, i) => l.Length > 0 || i < lines.Count - 1).ToList();
    }

    // A Latin word (with the spaces after it) stays whole; anything else breaks between characters.
    [GeneratedRegex(@"[\p{IsBasicLatin}\p{IsLatin-1Supplement}-[\s]]+\s*|\s+|[\uD800-\uDBFF][\uDC00-\uDFFF]|.")]
    private static partial Regex Pieces();
}
