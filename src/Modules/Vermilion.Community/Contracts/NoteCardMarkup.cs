using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Contracts;

/// <summary>
/// A note card's markup, written straight to the response. Every feed page and result list is twenty of these, and
/// a Razor partial per card cost a fifth of a signed-in home page (a view lookup, a tag helper, a buffer copied
/// into the page's buffer); this writes the same markup once.
/// </summary>
public sealed class NoteCardMarkup(NoteCard card, IStringLocalizer text) : IHtmlContent
{
    /// <summary>The widths a card is shown at, for the browser to pick a rendition before layout.</summary>
    private const string Sizes = "(max-width: 720px) 50vw, 260px";

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        // Drafts and scheduled notes open in the editor: they have no page of their own yet.
        var unpublished = card.Status is "draft" or "scheduled" or "processing";
        var href = unpublished ? "/publish?edit=" + card.Id : "/explore/" + card.Id;
        var ratio = card.CoverWidth > 0 ? Math.Clamp((double)card.CoverHeight / card.CoverWidth, 0.75, 1.34) : 1.33;

        writer.Write("<article class=\"note-card\" data-note=\"");
        encoder.Encode(writer, card.Id);
        writer.Write("\">\n    <a class=\"note-cover\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\" style=\"aspect-ratio: 1 / ");
        writer.Write(ratio.ToString("0.###", CultureInfo.InvariantCulture));
        // The cover's own colour fills its box (already shaped by the aspect ratio) until the picture arrives.
        if (card.CoverColor is { Length: 7 } color && color[0] == '#')
        {
            writer.Write("; background-color: ");
            encoder.Encode(writer, color);
        }

        writer.Write("\">\n        ");
        PictureMarkup.Picture(card.CoverUrl, card.CoverWidth, card.CoverHeight, card.Title, Sizes, Rendition.Card).WriteTo(writer, encoder);
        if (card.Type == "video")
        {
            writer.Write("\n        <span class=\"note-play\" aria-hidden=\"true\">▶</span>");
            if (card.DurationSeconds > 0)
            {
                writer.Write("\n        <span class=\"note-duration\">");
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{card.DurationSeconds / 60}:{card.DurationSeconds % 60:00}"));
                writer.Write("</span>");
            }
        }

        writer.Write("\n    </a>\n    <div class=\"note-meta\">");
        if (unpublished)
        {
            writer.Write("\n        <span class=\"pill pill-red\">");
            encoder.Encode(writer, text["community.note.status_" + card.Status]);
            writer.Write("</span>");
        }

        writer.Write("\n        <a class=\"note-title\" href=\"");
        encoder.Encode(writer, href);
        writer.Write("\">");
        encoder.Encode(writer, card.Title);
        writer.Write("</a>");
        if (card.Chip is { } chip)
        {
            WriteChip(writer, encoder, chip);
        }

        writer.Write("\n        <div class=\"note-foot\">\n            <a class=\"note-author\" href=\"/user/");
        encoder.Encode(writer, card.Author.PublicId);
        writer.Write("\">\n                <img class=\"avatar\" src=\"");
        encoder.Encode(writer, card.Author.AvatarUrl);
        writer.Write("\" alt=\"\" width=\"20\" height=\"20\" loading=\"lazy\" />\n                <span>");
        encoder.Encode(writer, card.Author.Nickname);
        writer.Write("</span>\n            </a>\n            <button type=\"button\" class=\"like-mini");
        writer.Write(card.Liked ? " on" : "");
        writer.Write("\" data-like=\"");
        encoder.Encode(writer, card.Id);
        writer.Write(card.Liked ? "\" aria-pressed=\"true\" aria-label=\"" : "\" aria-pressed=\"false\" aria-label=\"");
        encoder.Encode(writer, text["community.action.like"]);
        writer.Write("\">\n                <span class=\"heart\" aria-hidden=\"true\">");
        writer.Write(card.Liked ? "♥" : "♡");
        writer.Write("</span><span data-like-count>");
        writer.Write(card.LikeCount.ToString(CultureInfo.InvariantCulture));
        writer.Write("</span>\n            </button>\n        </div>");
        if (card.Reason is not null)
        {
            writer.Write("\n        <p class=\"note-reason\">");
            encoder.Encode(writer, card.Reason);
            writer.Write("</p>");
        }

        writer.Write("\n    </div>\n</article>\n");
    }

    private static void WriteChip(TextWriter writer, HtmlEncoder encoder, CardChip chip)
    {
        writer.Write("\n        <a class=\"note-chip\" href=\"");
        encoder.Encode(writer, chip.Href);
        writer.Write("\" data-testid=\"note-chip\">");
        if (chip.ImageUrl is not null)
        {
            writer.Write("\n            <img src=\"");
            encoder.Encode(writer, chip.ImageUrl);
            writer.Write("\" alt=\"\" width=\"20\" height=\"20\" loading=\"lazy\" />");
        }

        writer.Write("\n            <span class=\"note-chip-text\">");
        encoder.Encode(writer, chip.Text);
        writer.Write("</span>");
        if (chip.Note is not null)
        {
            writer.Write("\n            <span class=\"note-chip-note\">");
            encoder.Encode(writer, chip.Note);
            writer.Write("</span>");
        }

        writer.Write("\n        </a>");
    }
}
