using System.Net;
using System.Text.RegularExpressions;

namespace Vermilion.Testing;

/// <summary>Posts a page's form the way a browser would: with the anti-forgery token the page rendered.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{pageUrl} rendered no anti-forgery token.");
        }

        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(values));
    }

    public static string Token(string page) => WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
