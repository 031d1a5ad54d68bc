using System.Net;
using System.Text;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Results;

/// <summary>
/// Marks the query's words in result text as safe HTML: everything is encoded, and only the matched spans are
/// wrapped in <c>&lt;em&gt;</c>. Matching is on folded text, whose offsets are the original's.
/// </summary>
internal static class Highlighter
{
    public static string Html(string text, IReadOnlyList<string> terms) => Mark(text, 0, text.Length, terms);

    /// <summary>About <paramref name="length"/> characters around the first match (the start if none), marked.</summary>
    public static string Snippet(string text, IReadOnlyList<string> terms, int length = 80)
    {
        var folded = Characters.Fold(text);
        var first = terms.Select(t => folded.IndexOf(t, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, Math.Min(first - (length / 4), text.Length - length));
        var end = Math.Min(text.Length, start + length);
        var html = Mark(text, start, end, terms);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    private static string Mark(string text, int start, int end, IReadOnlyList<string> terms)
    {
        var folded = Characters.Fold(text);
        var marked = new bool[end - start];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = folded.IndexOf(term, start, StringComparison.Ordinal); at >= 0 && at < end; at = folded.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                for (var i = at; i < Math.Min(end, at + term.Length); i++)
                {
                    marked[i - start] = true;
                }
            }
        }

        var html = new StringBuilder((end - start) * 2);
        var i2 = start;
        while (i2 < end)
        {
            var on = marked[i2 - start];
            var from = i2;
            while (i2 < end && marked[i2 - start] == on)
            {
                i2++;
            }

            var piece = WebUtility.HtmlEncode(text[from..i2]);
            html.Append(on ? "<em>" + piece + "</em>" : piece);
        }

        return html.ToString().Replace("\n", " ", StringComparison.Ordinal);
    }
}
