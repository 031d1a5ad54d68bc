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

        var html = new Html(writer, encoder);
        html.Raw("<article class=\"note-card\" data-note=\"").Text(card.Id)
            .Raw("\">\n    <a class=\"note-cover\" href=\"").Text(href)
            .Raw("\" style=\"aspect-ratio: 1 / ").Raw(ratio.ToString("0.###", CultureInfo.InvariantCulture));
        // The cover's own colour fills its box (already shaped by the aspect ratio) until the picture arrives.
        if (card.CoverColor is { Length: 7 } color && color[0] == '#')
        {
            html.Raw("; background-color: ").Text(color);
        }

        html.Raw("\">\n        ");
        PictureMarkup.Picture(card.CoverUrl, card.CoverWidth, card.CoverHeight, card.Title, Sizes, Rendition.Card).WriteTo(writer, encoder);
        if (card.Type == "video")
        {
            html.Raw("\n        <span class=\"note-play\" aria-hidden=\"true\">▶</span>");
            if (card.DurationSeconds > 0)
            {
                html.Raw("\n        <span class=\"note-duration\">")
                    .Raw(string.Create(CultureInfo.InvariantCulture, $"{card.DurationSeconds / 60}:{card.DurationSeconds % 60:00}")).Raw("</span>");
            }
        }

        html.Raw("\n    </a>\n    <div class=\"note-meta\">");
        if (unpublished)
        {
            html.Raw("\n        <span class=\"pill pill-red\">").Text(text["community.note.status_" + card.Status]).Raw("</span>");
        }

        html.Raw("\n        <a class=\"note-title\" href=\"").Text(href).Raw("\">").Text(card.Title).Raw("</a>");
        if (card.Chip is { } chip)
        {
            Chip(html, chip);
        }

        html.Raw("\n        <div class=\"note-foot\">\n            <a class=\"note-author\" href=\"/user/").Text(card.Author.PublicId)
            .Raw("\">\n                <img class=\"avatar\" src=\"").Text(card.Author.AvatarUrl)
            .Raw("\" alt=\"\" width=\"20\" height=\"20\" loading=\"lazy\" />\n                <span>").Text(card.Author.Nickname)
            .Raw("</span>\n            </a>\n            <button type=\"button\" class=\"like-mini").Raw(card.Liked ? " on" : "")
            .Raw("\" data-like=\"").Text(card.Id)
            .Raw(card.Liked ? "\" aria-pressed=\"true\" aria-label=\"" : "\" aria-pressed=\"false\" aria-label=\"").Text(text["community.action.like"])
            .Raw("\">\n                <span class=\"heart\" aria-hidden=\"true\">").Raw(card.Liked ? "♥" : "♡")
            .Raw("</span><span data-like-count>").Raw(card.LikeCount.ToString(CultureInfo.InvariantCulture))
            .Raw("</span>\n            </button>\n        </div>");
        if (card.Reason is not null)
        {
            html.Raw("\n        <p class=\"note-reason\">").Text(card.Reason).Raw("</p>");
        }

        html.Raw("\n    </div>\n</article>\n");
    }

    private static void Chip(Html html, CardChip chip)
    {
        html.Raw("\n        <a class=\"note-chip\" href=\"").Text(chip.Href).Raw("\" data-testid=\"note-chip\">");
        if (chip.ImageUrl is not null)
        {
            html.Raw("\n            <img src=\"").Text(chip.ImageUrl).Raw("\" alt=\"\" width=\"20\" height=\"20\" loading=\"lazy\" />");
        }

        html.Raw("\n            <span class=\"note-chip-text\">").Text(chip.Text).Raw("</span>");
        if (chip.Note is not null)
        {
            html.Raw("\n            <span class=\"note-chip-note\">").Text(chip.Note).Raw("</span>");
        }

        html.Raw("\n        </a>");
    }

    /// <summary>Markup as it is, text HTML-encoded, both straight into the response.</summary>
    private readonly struct Html(TextWriter writer, HtmlEncoder encoder)
    {
        public Html Raw(string markup)
        {
            writer.Write(markup);
            return this;
        }

        public Html Text(string value)
        {
            encoder.Encode(writer, value);
            return this;
        }
    }
}
