using System.Globalization;
using System.Net;
using System.Text;

namespace Vermilion.Community.Notes;

/// <summary>
/// Renders a text-card note's cover: the words themselves on a styled 3:4 card, as SVG (no image codec is
/// needed, and it stays sharp at any size). Text is encoded, so the SVG can carry no markup of the author's.
/// </summary>
internal static class TextCards
{
    public const int Width = 900;
    public const int Height = 1200;

    private static readonly (string Background, string Accent, string Ink)[] Styles =
    [
        ("#FFF4F5", "#FF2442", "#222222"),
        ("#FFF8E7", "#F5A623", "#3A2E1F"),
        ("#EEF6FF", "#3B82F6", "#1E293B"),
        ("#F1FBF4", "#22A06B", "#16302B"),
        ("#2B2B2B", "#FFD166", "#FFFFFF"),
        ("#F6F0FF", "#8B5CF6", "#2E1065"),
    ];

    public static int StyleCount => Styles.Length;

    public static string Render(string title, string body, int style)
    {
        var (background, accent, ink) = Styles[Math.Clamp(style, 0, Styles.Length - 1)];
        var text = title.Length > 0 ? title : body;
        var lines = Wrap(text, perLine: 11, maxLines: 8);
        var fontSize = lines.Count <= 3 ? 84 : 68;
        var lineHeight = fontSize * 1.45;
        var top = (Height - (lines.Count * lineHeight)) / 2 + fontSize;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"{background}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"90\" y=\"120\" width=\"120\" height=\"14\" rx=\"7\" fill=\"{accent}\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text font-family=\"PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif\" font-size=\"{fontSize}\" font-weight=\"700\" fill=\"{ink}\">");
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"90\" y=\"{top + (i * lineHeight):F0}\">{WebUtility.HtmlEncode(lines[i])}</tspan>");
        }

        return svg.Append("</text>")
            .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Width - 130}\" cy=\"{Height - 130}\" r=\"40\" fill=\"{accent}\" opacity=\".85\"/>")
            .Append("</svg>")
            .ToString();
    }

    /// <summary>Breaks text into lines of about <paramref name="perLine"/> wide characters (Latin letters count half).</summary>
    private static List<string> Wrap(string text, int perLine, int maxLines)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            double width = 0;
            var elements = StringInfo.GetTextElementEnumerator(paragraph.Trim());
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var w = element.Length == 1 && element[0] < 0x2E80 ? 0.55 : 1.0;
                if (width + w > perLine)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    width = 0;
                }

                line.Append(element);
                width += w;
            }

            lines.Add(line.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].TrimEnd() + "…";
        }

        return lines.Where((l, i) => l.Length > 0 || i < lines.Count - 1).ToList();
    }
}
