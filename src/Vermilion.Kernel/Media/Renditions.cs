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
    public static string Url(string url, Rendition rendition, string extension = "webp")
    {
        var match = PictureUrl().Match(url);
        return match.Success ? $"/media/{match.Groups[1].Value}-{Name(rendition)}.{extension}" : url;
    }

    /// <summary>A <c>srcset</c> of every rendition, each with its real width; empty when the URL has no renditions.</summary>
    public static string SrcSet(string url, int width, string extension = "webp")
    {
        if (!PictureUrl().IsMatch(url))
        {
            return "";
        }

        return string.Join(", ", All
            .Select(r => (Url: Url(url, r, extension), Width: width > 0 ? Math.Min(width, WidthOf(r)) : WidthOf(r)))
            .DistinctBy(r => r.Width)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Url} {r.Width}w")));
    }

    public static bool HasRenditions(string url) => PictureUrl().IsMatch(url);

    private static string Name(Rendition rendition) => rendition == Rendition.Card ? "card" : "detail";

    [GeneratedRegex("^([0-9a-f]{64})-(card|detail)\\.(webp|jpg)$")]
    private static partial Regex RenditionKey();

    [GeneratedRegex("^/media/([0-9a-f]{64})\\.(png|jpg|webp)$")]
    private static partial Regex PictureUrl();
}
