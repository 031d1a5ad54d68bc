using Microsoft.AspNetCore.Http;

namespace Vermilion.Kernel.Errors;

/// <summary>Turns a use-case failure into the ProblemDetails response every API endpoint gives.</summary>
public static class Problems
{
    public static IResult From(Failure failure)
    {
        var status = failure.Kind switch
        {
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Unauthorized => StatusCodes.Status401Unauthorized,
            FailureKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };

        var problem = failure.Fields is { IsEmpty: false } fields
            ? Results.ValidationProblem(fields.ToDictionary(), detail: failure.Message, statusCode: status)
            : TypedResults.Problem(detail: failure.Message, statusCode: status);
        return failure.RetryAfter is { } wait ? new RetryAfterResult(problem, Failure.Seconds(wait)) : problem;
    }

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static IResult Match<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.Succeeded ? onSuccess(outcome.Value!) : From(outcome.Failure!);
}
