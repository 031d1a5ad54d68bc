using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Comments;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class CommentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Comments").DisableAntiforgery();
        group.MapGet("/notes/{id}/comments", ThreadAsync).WithSummary("Top-level comments (sort=hot|latest), the pinned one first, two replies each.");
        group.MapPost("/notes/{id}/comments", PostAsync).RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Comment on a note, or reply with replyTo.");
        group.MapGet("/comments/{id}/replies", RepliesAsync).WithSummary("All replies under a comment, oldest first.");
        group.MapDelete("/comments/{id}", DeleteAsync).RequireAuthorization().WithSummary("Delete a comment (its author, or the note's author).");
        group.MapPost("/comments/{id}/pin", PinAsync).RequireAuthorization().WithSummary("Pin a top-level comment to the top (the note's author).");
        group.MapDelete("/comments/{id}/pin", UnpinAsync).RequireAuthorization().WithSummary("Unpin.");
        group.MapPost("/comments/{id}/like", LikeAsync).RequireAuthorization().WithSummary("Like a comment.");
        group.MapDelete("/comments/{id}/like", UnlikeAsync).RequireAuthorization().WithSummary("Take a comment like back.");
    }

    private static async Task<IResult> ThreadAsync(string id, string? sort, string? cursor, HttpContext http, CommentQueries comments, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId && await comments.ThreadAsync(noteId, http.User.UserId(), sort ?? "hot", cursor, http.RequestAborted) is { } page
            ? TypedResults.Ok(page)
            : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> PostAsync(string id, CommentRequest request, HttpContext http, PostCommentHandler post, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId
            ? (await post.HandleAsync(http.User.RequiredUserId(), noteId, request, http.RequestAborted))
                .Match(commentId => TypedResults.Created($"/api/comments/{ShortId.Encode(commentId)}", new { id = ShortId.Encode(commentId) }))
            : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> RepliesAsync(string id, string? cursor, HttpContext http, CommentQueries comments, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } commentId && await comments.RepliesAsync(commentId, http.User.UserId(), cursor, http.RequestAborted) is { } page
            ? TypedResults.Ok(page)
            : ApiIds.NotFound(text, "community.comment.not_found");

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } commentId
            ? (await manage.DeleteAsync(http.User.RequiredUserId(), commentId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.comment.not_found");

    private static Task<IResult> PinAsync(string id, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) => SetPinAsync(id, true, http, manage, text);

    private static Task<IResult> UnpinAsync(string id, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) => SetPinAsync(id, false, http, manage, text);

    private static async Task<IResult> SetPinAsync(string id, bool pin, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } commentId
            ? (await manage.PinAsync(http.User.RequiredUserId(), commentId, pin, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.comment.not_found");

    private static Task<IResult> LikeAsync(string id, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) => SetLikeAsync(id, true, http, manage, text);

    private static Task<IResult> UnlikeAsync(string id, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) => SetLikeAsync(id, false, http, manage, text);

    private static async Task<IResult> SetLikeAsync(string id, bool like, HttpContext http, ManageCommentHandler manage, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } commentId
            ? (await manage.LikeAsync(http.User.RequiredUserId(), commentId, like, http.RequestAborted)).Match(count => TypedResults.Ok(new { liked = like, likeCount = count }))
            : ApiIds.NotFound(text, "community.comment.not_found");
}
