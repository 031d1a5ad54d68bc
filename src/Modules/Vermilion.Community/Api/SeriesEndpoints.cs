using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class SeriesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/series").WithTags("Series").DisableAntiforgery();
        series.MapPost("", CreateAsync).RequireAuthorization().WithSummary("Start a series (合集) of your notes.");
        series.MapGet("/{id}", GetAsync).WithSummary("A series and the notes in it you may see, in order.");
        series.MapPatch("/{id}", EditAsync).RequireAuthorization().WithSummary("Rename a series or change its description.");
        series.MapDelete("/{id}", DeleteAsync).RequireAuthorization().WithSummary("Delete a series; its notes stay.");
        series.MapPost("/{id}/notes", AddAsync).RequireAuthorization().WithSummary("Add one of your notes at the end (it leaves any other series).");
        series.MapDelete("/{id}/notes/{noteId}", RemoveAsync).RequireAuthorization().WithSummary("Take a note out of the series.");
        series.MapPut("/{id}/notes", ReorderAsync).RequireAuthorization().WithSummary("Put the series' notes in a new order (all of them, each once).");
    }

    private static async Task<IResult> CreateAsync(SeriesRequest request, HttpContext http, ManageSeriesHandler manage, SeriesQueries queries)
    {
        var outcome = await manage.CreateAsync(http.User.RequiredUserId(), request, http.RequestAborted);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/series/{ShortId.Encode(outcome.Value)}", (await queries.DetailAsync(outcome.Value, http.User.UserId(), http.RequestAborted))!.Series)
            : Problems.From(outcome.Failure!);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, SeriesQueries queries, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } seriesId && await queries.DetailAsync(seriesId, http.User.UserId(), http.RequestAborted) is { } detail
            ? TypedResults.Ok(detail)
            : ApiIds.NotFound(text, "community.series.not_found");

    private static async Task<IResult> EditAsync(string id, SeriesRequest request, HttpContext http, ManageSeriesHandler manage, SeriesQueries queries, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } seriesId)
        {
            return ApiIds.NotFound(text, "community.series.not_found");
        }

        var outcome = await manage.EditAsync(http.User.RequiredUserId(), seriesId, request, http.RequestAborted);
        return outcome.Succeeded
            ? TypedResults.Ok((await queries.DetailAsync(seriesId, http.User.UserId(), http.RequestAborted))!.Series)
            : Problems.From(outcome.Failure!);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ManageSeriesHandler manage, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } seriesId
            ? (await manage.DeleteAsync(http.User.RequiredUserId(), seriesId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.series.not_found");

    private static async Task<IResult> AddAsync(string id, SeriesNoteRequest request, HttpContext http, SeriesNotesHandler notes, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } seriesId)
        {
            return ApiIds.NotFound(text, "community.series.not_found");
        }

        if (request.NoteId is null || ApiIds.Parse(request.NoteId) is not { } noteId)
        {
            return Problems.From(Failure.Invalid("noteId", text["community.series.note_not_yours"]));
        }

        return (await notes.AddAsync(http.User.RequiredUserId(), seriesId, noteId, http.RequestAborted)).Match(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> RemoveAsync(string id, string noteId, HttpContext http, SeriesNotesHandler notes, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } seriesId && ApiIds.Parse(noteId) is { } note
            ? (await notes.RemoveAsync(http.User.RequiredUserId(), seriesId, note, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.series.not_found");

    private static async Task<IResult> ReorderAsync(string id, SeriesOrderRequest request, HttpContext http, SeriesNotesHandler notes, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } seriesId
            ? (await notes.ReorderAsync(http.User.RequiredUserId(), seriesId, request.NoteIds ?? [], http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.series.not_found");
}
