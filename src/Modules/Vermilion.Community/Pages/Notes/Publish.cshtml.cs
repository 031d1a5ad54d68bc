using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Notes;
using Vermilion.Community.Series;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Notes;

/// <summary>The publish page: pictures or a text card, words, topics, place, audience, schedule, draft. Also edits.</summary>
[Authorize]
internal sealed class PublishModel(NoteQueries notes, SeriesQueries series) : PageModel
{
    public NoteDetail? Editing { get; private set; }

    public string StartBody { get; private set; } = "";

    public int CardStyles => TextCards.StyleCount;

    public IReadOnlyList<SeriesView> MySeries { get; private set; } = [];

    /// <summary>The series the edited note is in, if any.</summary>
    public string? CurrentSeries { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? edit, string? topic)
    {
        if (edit is not null)
        {
            if (!ShortId.TryDecode(edit, out var noteId) || await notes.DetailAsync(noteId, User.UserId(), HttpContext.RequestAborted) is not { } note
                || note.Author.Id != User.UserId())
            {
                return NotFound();
            }

            Editing = note;
            CurrentSeries = (await series.ForNoteAsync(noteId, User.UserId(), HttpContext.RequestAborted))?.SeriesId;
        }

        MySeries = await series.OfAsync(User.RequiredUserId(), User.UserId(), HttpContext.RequestAborted);

        StartBody = Editing?.Body ?? (topic is { Length: > 0 and <= 30 } ? $"#{topic} " : "");
        return Page();
    }
}
