using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Comments;
using Vermilion.Community.Notes;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Notes;

/// <summary>
/// A note's page: pictures beside the words, the comment thread, and the like / collect / comment / share bar.
/// Anonymous readers share one rendering per note, language and comment order (<see cref="SharedNotes.PagePolicy"/>).
/// </summary>
[OutputCache(PolicyName = SharedNotes.PagePolicy)]
internal sealed class NoteModel(
    NoteQueries notes,
    CommentQueries comments,
    PostCommentHandler post,
    ManageCommentHandler manage,
    SeriesQueries series) : PageModel
{
    public NoteDetail Note { get; private set; } = null!;

    public string BodyHtml { get; private set; } = "";

    public Page<CommentView> Comments { get; private set; } = new([], null);

    public string Sort { get; private set; } = "hot";

    /// <summary>
    /// Names the renderings of this note's parts that look the same to every reader (its pictures, what other modules
    /// put beside it): a new one whenever the note's shared part is built again, so they never outlive it.
    /// </summary>
    public string NoteShareKey { get; private set; } = "";

    /// <summary>Names the rendering of the comments this reader shares with others (null when theirs is their own).</summary>
    public string? CommentsShareKey { get; private set; }

    public bool IsAuthor => User.UserId() == Note.Author.Id;

    public string? CommentError { get; private set; }

    public NoteInSeries? Series { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? sort)
    {
        return await LoadAsync(id, sort) ? Page() : NotFound();
    }

    [Authorize]
    public async Task<IActionResult> OnPostCommentAsync(string id, string? body, string? replyTo, string? imageId)
    {
        if (!ShortId.TryDecode(id, out var noteId))
        {
            return NotFound();
        }

        var outcome = await post.HandleAsync(User.RequiredUserId(), noteId, new CommentRequest(body, string.IsNullOrEmpty(replyTo) ? null : replyTo, string.IsNullOrEmpty(imageId) ? null : imageId), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return Redirect($"/explore/{id}?sort=latest#comment-{ShortId.Encode(outcome.Value)}");
        }

        if (outcome.Failure!.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        CommentError = outcome.Failure.Fields?.All.FirstOrDefault().Value is { Count: > 0 } messages ? messages[0] : outcome.Failure.Message;
        return await LoadAsync(id, "latest") ? Page() : NotFound();
    }

    [Authorize]
    public async Task<IActionResult> OnPostDeleteCommentAsync(string id, string commentId) =>
        await ManageAsync(id, commentId, c => manage.DeleteAsync(User.RequiredUserId(), c, HttpContext.RequestAborted));

    [Authorize]
    public async Task<IActionResult> OnPostPinAsync(string id, string commentId, bool pin) =>
        await ManageAsync(id, commentId, c => manage.PinAsync(User.RequiredUserId(), c, pin, HttpContext.RequestAborted));

    private async Task<IActionResult> ManageAsync(string id, string commentId, Func<long, Task<Outcome<bool>>> action)
    {
        if (!ShortId.TryDecode(commentId, out var comment))
        {
            return NotFound();
        }

        var outcome = await action(comment);
        return outcome.Succeeded ? Redirect($"/explore/{id}#comments")
            : outcome.Failure!.Kind == FailureKind.Forbidden ? Forbid() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, string? sort)
    {
        if (!ShortId.TryDecode(id, out var noteId) || await notes.ForReaderAsync(noteId, User.UserId(), HttpContext.RequestAborted) is not { } note)
        {
            return false;
        }

        Note = note.Detail;
        BodyHtml = note.Shared.BodyHtml;
        NoteShareKey = $"{noteId}:{note.Shared.Version}";
        Series = note.Shared.InSeries ? await series.ForNoteAsync(noteId, User.UserId(), HttpContext.RequestAborted) : null;
        Sort = sort == CommentQueries.Latest ? CommentQueries.Latest : CommentQueries.Hot;
        var thread = await comments.FirstPageAsync(note.Shared, User.UserId(), note.Blocked, Sort, HttpContext.RequestAborted);
        (Comments, CommentsShareKey) = (thread.Page, thread.ShareKey);
        return true;
    }
}
