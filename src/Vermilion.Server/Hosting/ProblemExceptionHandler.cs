using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Vermilion.Server.Hosting;

/// <summary>
/// Turns what a client got wrong (unreadable JSON, a body too large, a stale write) into a 4xx ProblemDetails;
/// only our own faults remain 500s.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IStringLocalizer text, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException =>
                (StatusCodes.Status400BadRequest, text["common.bad_json"].Value),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? text["common.too_large"].Value : bad.Message),
            JsonException => (StatusCodes.Status400BadRequest, text["common.bad_json"].Value),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, text["common.conflict"].Value),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        LogClientError(logger, status, exception.Message);
        httpContext.Response.StatusCode = status;
        await TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client error {Status}: {Reason}")]
    private static partial void LogClientError(ILogger logger, int status, string reason);
}
