using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Vermilion.Community.Topics;

namespace Vermilion.Community.Notes;

/// <summary>
/// Reads #topics# and @mentions out of text, and renders text with them linked, [stickers] drawn and everything else
/// inert.
/// </summary>
internal static partial class NoteText
{
    public static int Length(string value) => new StringInfo(value).LengthInTextElements;

    public static string Clean(string? value) =>
        new string((value ?? "").Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();

    /// <summary>Topics in order of first appearance: <c>#露营#</c> or <c>#露营</c> up to a space or punctuation.</summary>
    public static List<string> Topics(string text) =>
        [.. TopicPattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(t => t.Length > 0 && Length(t) <= Topic.NameMax)
            .Distinct(StringComparer.Ordinal).Take(10)];

    public static List<string> Mentions(string text) =>
        [.. MentionPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).Take(20)];

    /// <summary>HTML with topics linked to their pages and mentions to profiles; all other text is encoded.</summary>
    public static string ToHtml(string text, IReadOnlyDictionary<string, string> mentionLinks)
    {
        var html = new StringBuilder(text.Length * 2);
        var at = 0;
        foreach (Match match in TokenPattern().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index]));
            if (match.Groups["sticker"].Success)
            {
                if (Stickers.Find(match.Groups["sticker"].Value) is { } sticker)
                {
                    var code = WebUtility.HtmlEncode(match.Value);
                    html.Append(CultureInfo.InvariantCulture, $"<span class=\"sticker\" role=\"img\" aria-label=\"{code}\" title=\"{code}\">{sticker.Emoji}</span>");
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(match.Value));
                }
            }
            else if (match.Groups["topic"].Success)
            {
                var topic = match.Groups["topic"].Value;
                html.Append(CultureInfo.InvariantCulture, $"<a class=\"topic-link\" href=\"/topic/{Uri.EscapeDataString(topic)}\">#{WebUtility.HtmlEncode(topic)}</a>");
            }
            else if (mentionLinks.TryGetValue(match.Groups["user"].Value, out var link))
            {
                html.Append(CultureInfo.InvariantCulture, $"<a class=\"mention-link\" href=\"{link}\">@{WebUtility.HtmlEncode(match.Groups["user"].Value)}</a>");
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(match.Value));
            }

            at = match.Index + match.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return html.ToString().Replace("\n", "<br>", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"#([^#\s@，。！？、,.!?；;：:（）()【】\[\]]{1,30})#?")]
    private static partial Regex TopicPattern();

    [GeneratedRegex(@"@([A-Za-z][A-Za-z0-9_]{2,19})")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\[(?<sticker>[^\[\]\s]{1,4})\]|#(?<topic>[^#\s@，。！？、,.!?；;：:（）()【】\[\]]{1,30})#?|@(?<user>[A-Za-z][A-Za-z0-9_]{2,19})")]
    private static partial Regex TokenPattern();
}
