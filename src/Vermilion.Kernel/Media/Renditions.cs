using System.Globalization;
using System.Text.RegularExpressions;

namespace Vermilion.Kernel.Media;

/// <summary>The sizes a stored picture is served in besides its original.</summary>
public enum Rendition
{
    /// <summary>A card in a feed's waterfall: two columns on a phone, about 240 CSS pixels on a desktop.</summary>
    Card,

    /// <summary>A note's page: the carousel beside the text, or the whole width of a phone.</summary>
    Detail,
}

/// <summary>
/// Names renditions after their original: <c>{hash}.webp</c> is served as <c>{hash}-card.webp</c>,
/// <c>{hash}-detail.jpg</c> and so on. A rendition is a fixed function of its original, so its name never changes
/// meaning either and it may be cached as long.
/// </summary>
public static partial class Renditions
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static IReadOnlyList<Rendition> All { get; } = [Rendition.Card, Rendition.Detail];

    public static int WidthOf(Rendition rendition) => rendition == Rendition.Card ? 540 : 1080;

    public static string KeyOf(string originalKey, Rendition rendition, string extension) =>
        $"{originalKey[..64]}-{Name(rendition)}.{extension}";

    /// <summary>True for a rendition's key; <paramref name="hash"/> then names its original, whatever its format.</summary>
    public static bool TryParse(string key, out string hash, out Rendition rendition, out string extension)
    {
        var match = RenditionKey().Match(key);
        (hash, rendition, extension) = match.Success
            ? (match.Groups[1].Value, match.Groups[2].Value == "card" ? Rendition.Card : Rendition.Detail, match.Groups[3].Value)
            : ("", Rendition.Card, "");
        return match.Success;
    }

    /// <summary>
    /// The URL of a rendition of the picture at <paramref name="url"/> (a <c>/media/</c> URL of a stored picture);
    /// anything else (an SVG, a default image) is its own rendition.
    /// </summary>
    public static string Url(string url, Rendition rendition, string extension = "webp") =>
        TryHash(url, out var hash) ? UrlOf(hash, rendition, extension) : url;

    /// <summary>A <c>srcset</c> of every rendition, each with its real width; empty when the URL has no renditions.</summary>
    public static string SrcSet(string url, int width, string extension = "webp") =>
        TryHash(url, out var hash) ? SrcSetOf(hash, width, extension) : "";

    public static bool HasRenditions(string url) => TryHash(url, out _);

    /// <summary>
    /// The original's hash in the <c>/media/{hash}.{png|jpg|webp}</c> URL of a stored picture. Every card of every
    /// page asks this several times, so it reads the characters instead of running a regular expression.
    /// </summary>
    public static bool TryHash(string url, out string hash)
    {
        ArgumentNullException.ThrowIfNull(url);
        const string prefix = "/media/";
        const int hashLength = 64;
        hash = "";
        var rest = url.AsSpan();
        if (!rest.StartsWith(prefix, StringComparison.Ordinal) || rest.Length < prefix.Length + hashLength + 4)
        {
            return false;
        }

        var hex = rest.Slice(prefix.Length, hashLength);
        var extension = rest[(prefix.Length + hashLength)..];
        if (hex.ContainsAnyExcept(LowerHex) || extension is not (".png" or ".jpg" or ".webp"))
        {
            return false;
        }

        hash = hex.ToString();
        return true;
    }

    /// <summary>The URL of a rendition of the stored picture whose original's hash is <paramref name="hash"/>.</summary>
    public static string UrlOf(string hash, Rendition rendition, string extension) =>
        string.Concat("/media/", hash, rendition == Rendition.Card ? "-card." : "-detail.", extension);

    /// <summary>Both renditions with their widths; one when the original is no wider than a card.</summary>
    public static string SrcSetOf(string hash, int width, string extension)
    {
        var card = width > 0 ? Math.Min(width, WidthOf(Rendition.Card)) : WidthOf(Rendition.Card);
        var detail = width > 0 ? Math.Min(width, WidthOf(Rendition.Detail)) : WidthOf(Rendition.Detail);
        var cardEntry = string.Create(CultureInfo.InvariantCulture, $"{UrlOf(hash, Rendition.Card, extension)} {card}w");
        return card == detail ? cardEntry
            : string.Create(CultureInfo.InvariantCulture, $"{cardEntry}, {UrlOf(hash, Rendition.Detail, extension)} {detail}w");
    }

    private static string Name(Rendition rendition) => rendition == Rendition.Card ? "card" : "detail";

    [GeneratedRegex("^([0-9a-f]{64})-(card|detail)\\.(webp|jpg)$")]
    private static partial Regex RenditionKey();

}
