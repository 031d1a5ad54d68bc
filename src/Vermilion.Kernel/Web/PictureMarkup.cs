using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Vermilion.Kernel.Media;

namespace Vermilion.Kernel.Web;

/// <summary>
/// Writes a stored picture as a <c>&lt;picture&gt;</c>: WebP renditions in a <c>srcset</c> the browser picks from by
/// the <c>sizes</c> it will be shown at, and JPEG renditions on the <c>&lt;img&gt;</c> for a browser without WebP.
/// The width and height attributes give the box its shape before a byte arrives. Anything that has no renditions
/// (an SVG, a default image) is a plain <c>&lt;img&gt;</c>.
/// </summary>
public static class PictureMarkup
{
    public static IHtmlContent Picture(string url, int width, int height, string alt, string sizes, Rendition fallback, bool lazy = true, string? extraAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var encoder = HtmlEncoder.Default;
        var size = width > 0 && height > 0 ? string.Create(CultureInfo.InvariantCulture, $" width=\"{width}\" height=\"{height}\"") : "";
        var loading = lazy ? " loading=\"lazy\" decoding=\"async\"" : "";
        var extra = extraAttributes is null ? "" : " " + extraAttributes;
        if (!Renditions.TryHash(url, out var hash))
        {
            return new HtmlString($"<img src=\"{encoder.Encode(url)}\" alt=\"{encoder.Encode(alt)}\"{size}{loading}{extra} />");
        }

        var sizesAttribute = encoder.Encode(sizes);
        return new HtmlString(
            $"<picture><source type=\"image/webp\" srcset=\"{Renditions.SrcSetOf(hash, width, "webp")}\" sizes=\"{sizesAttribute}\" />" +
            $"<img src=\"{Renditions.UrlOf(hash, fallback, "jpg")}\" srcset=\"{Renditions.SrcSetOf(hash, width, "jpg")}\" sizes=\"{sizesAttribute}\" " +
            $"alt=\"{encoder.Encode(alt)}\"{size}{loading}{extra} /></picture>");
    }
}
