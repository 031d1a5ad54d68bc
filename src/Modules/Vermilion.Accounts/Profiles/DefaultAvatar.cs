using System.Globalization;
using System.Net;

namespace Vermilion.Accounts.Profiles;

/// <summary>The generated avatar of someone who has not uploaded one: their first character on a colour of their own.</summary>
internal static class DefaultAvatar
{
    private static readonly string[] Colours =
        ["#FF2442", "#FF6B81", "#FF9F43", "#F7B731", "#20BF6B", "#0FB9B1", "#2D98DA", "#3867D6", "#8854D0", "#A5B1C2"];

    public static string Svg(long userId, string nickname)
    {
        var colour = Colours[(int)(Math.Abs(userId % Colours.Length))];
        var enumerator = StringInfo.GetTextElementEnumerator(nickname.Trim());
        var initial = enumerator.MoveNext() ? enumerator.GetTextElement() : "?";
        initial = WebUtility.HtmlEncode(initial.ToUpperInvariant());
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><rect width="120" height="120" rx="60" fill="{colour}"/><text x="60" y="60" dy=".35em" text-anchor="middle" font-family="PingFang SC, Noto Sans CJK SC, sans-serif" font-size="52" fill="#fff">{initial}</text></svg>
            """;
    }
}
