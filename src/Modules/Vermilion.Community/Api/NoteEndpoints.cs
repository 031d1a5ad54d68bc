using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Boards;
using Vermilion.Community.Likes;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class NoteEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup("/api/notes").WithTags("Notes").DisableAntiforgery();
        notes.MapPost("", CreateAsync).RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Publish a note (image or text card), schedule it with publishAt, or keep it as a draft.");
        notes.MapGet("/{id}", GetAsync).WithSummary("A note, as the caller may see it.");
        notes.MapPatch("/{id}", EditAsync).RequireAuthorization().WithSummary("Edit a note (its author only); fields left out stay.");
        notes.MapPost("/{id}/publish", PublishDraftAsync).RequireAuthorization().WithSummary("Publish (or schedule) a draft.");
        notes.MapDelete("/{id}", DeleteAsync).RequireAuthorization().WithSummary("Delete a note (its author only).");
        notes.MapPost("/{id}/like", LikeAsync).RequireAuthorization().WithSummary("Like a note; repeating it changes nothing.");
        notes.MapDelete("/{id}/like", UnlikeAsync).RequireAuthorization().WithSummary("Take a like back.");
        notes.MapPost("/{id}/collect", CollectAsync).RequireAuthorization().WithSummary("Collect into a board (the default one unless given).");
        notes.MapDelete("/{id}/collect", UncollectAsync).RequireAuthorization().WithSummary("Remove from your boards.");
        notes.MapPost("/{id}/not-interested", NotInterestedAsync).RequireAuthorization().WithSummary("Show fewer notes like this one.");
    }

    private static async Task<IResult> CreateAsync(NoteRequest request, HttpContext http, CreateNoteHandler create, NoteQueries queries)
    {
        var outcome = await create.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Failure!);
        }

        var detail = await queries.DetailAsync(outcome.Value, http.User.UserId(), http.RequestAborted);
        return TypedResults.Created($"/api/notes/{ShortId.Encode(outcome.Value)}", detail);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, NoteQueries queries, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId && await queries.DetailAsync(noteId, http.User.UserId(), http.RequestAborted) is { } detail
            ? TypedResults.Ok(detail)
            : ApiIds.NotFound(text, "community.note.not_found");

    private static Task<IResult> EditAsync(string id, NoteRequest request, HttpContext http, EditNoteHandler edit, NoteQueries queries, IStringLocalizer text) =>
        EditOrPublishAsync(id, request, publish: false, http, edit, queries, text);

    private static Task<IResult> PublishDraftAsync(string id, NoteRequest? request, HttpContext http, EditNoteHandler edit, NoteQueries queries, IStringLocalizer text) =>
        EditOrPublishAsync(id, request ?? new NoteRequest(), publish: true, http, edit, queries, text);

    private static async Task<IResult> EditOrPublishAsync(string id, NoteRequest request, bool publish, HttpContext http, EditNoteHandler edit, NoteQueries queries, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } noteId)
        {
            return ApiIds.NotFound(text, "community.note.not_found");
        }

        var outcome = await edit.HandleAsync(http.User.RequiredUserId(), noteId, request, publish, http.RequestAborted);
        return outcome.Succeeded
            ? TypedResults.Ok(await queries.DetailAsync(noteId, http.User.UserId(), http.RequestAborted))
            : Problems.From(outcome.Failure!);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, DeleteNoteHandler delete, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId
            ? (await delete.HandleAsync(http.User.RequiredUserId(), noteId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> LikeAsync(string id, HttpContext http, LikeHandler likes, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId ? ApiIds.Result(await likes.LikeAsync(http.User.RequiredUserId(), noteId, http.RequestAborted)) : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> UnlikeAsync(string id, HttpContext http, LikeHandler likes, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId ? ApiIds.Result(await likes.UnlikeAsync(http.User.RequiredUserId(), noteId, http.RequestAborted)) : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> CollectAsync(string id, CollectRequest? request, HttpContext http, CollectHandler collect, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId
            ? ApiIds.Result(await collect.CollectAsync(http.User.RequiredUserId(), noteId, request ?? new CollectRequest(), http.RequestAborted))
            : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> UncollectAsync(string id, HttpContext http, CollectHandler collect, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId ? ApiIds.Result(await collect.UncollectAsync(http.User.RequiredUserId(), noteId, http.RequestAborted)) : ApiIds.NotFound(text, "community.note.not_found");

    private static async Task<IResult> NotInterestedAsync(string id, HttpContext http, LikeHandler likes, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } noteId
            ? (await likes.NotInterestedAsync(http.User.RequiredUserId(), noteId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.note.not_found");
}
