using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Signals;

internal static class SignalEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/events", RecordAsync).WithTags("Feeds").RequireAuthorization().DisableAntiforgery()
            .Accepts<SignalBatch>("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
            .WithSummary("Report what the feed should learn from: impressions (with position), clicks, dwell, video completion, shares, searches. " +
                "A JSON body `{\"events\":[...]}`, or a form field `batch` holding the same JSON (what navigator.sendBeacon sends with the page's anti-forgery token). " +
                "A bad batch is refused whole, every bad field named.");

    private static async Task<IResult> RecordAsync(HttpContext http, RecordSignalsHandler handler, IStringLocalizer text)
    {
        SignalBatch? batch;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            batch = form["batch"].ToString() is { Length: > 0 } json ? JsonSerializer.Deserialize<SignalBatch>(json, OutboxWriter.Json) : null;
        }
        else if (http.Request.HasJsonContentType())
        {
            batch = await http.Request.ReadFromJsonAsync<SignalBatch>(http.RequestAborted);
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: text["discovery.signals.media_type"]);
        }

        return (await handler.HandleAsync(http.User.RequiredUserId(), batch, http.RequestAborted)).Match(count => TypedResults.Ok(new { recorded = count }));
    }
}
