using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Comments;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Fragments;

/// <summary>
/// More of a note's thread as HTML, rendered by the same partial as the page: the next page of top-level
/// comments (<c>note</c>), or every reply under one comment (<c>replies</c>). The next cursor is in <c>X-Next-Cursor</c>.
/// </summary>
internal sealed class CommentsModel(CommentQueries comments) : PageModel
{
    public IReadOnlyList<CommentItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? note, string? replies, string? sort, string? cursor)
    {
        var viewer = User.UserId();
        if (note is not null && ShortId.TryDecode(note, out var noteId))
        {
            var page = await comments.ThreadAsync(noteId, viewer, sort == "latest" ? "latest" : "hot", cursor, HttpContext.RequestAborted);
            var author = await comments.NoteAuthorAsync(noteId, HttpContext.RequestAborted);
            return Render(page, note, viewer is not null && author == viewer, isReply: false);
        }

        if (replies is not null && ShortId.TryDecode(replies, out var parentId) && await comments.NoteOfAsync(parentId, HttpContext.RequestAborted) is { } owner)
        {
            var page = await comments.RepliesAsync(parentId, viewer, cursor, HttpContext.RequestAborted);
            return Render(page, ShortId.Encode(owner.NoteId), owner.NoteAuthorId == viewer, isReply: true);
        }

        return NotFound();
    }

    private IActionResult Render(Kernel.Paging.Page<CommentView>? page, string noteId, bool viewerIsAuthor, bool isReply)
    {
        if (page is null)
        {
            return NotFound();
        }

        Items = [.. page.Items.Select(c => new CommentItem(c, noteId, viewerIsAuthor, isReply))];
        Response.Headers["X-Next-Cursor"] = page.Next ?? "";
        return Page();
    }
}
