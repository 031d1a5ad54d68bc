using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Api;

/// <summary>Reads ids from routes (an id that cannot be one is simply not found) and turns outcomes into responses.</summary>
internal static class Api
{
    public static long? Id(string id) => ShortId.TryDecode(id, out var value) ? value : null;

    public static IResult NotFound(IStringLocalizer text, string key) =>
        TypedResults.Problem(detail: text[key], statusCode: StatusCodes.Status404NotFound);

    public static IResult Ok<T>(Outcome<T> outcome) => outcome.Match(value => TypedResults.Ok(value));

    public static string? IdempotencyKey(HttpContext http) =>
        http.Request.Headers[Idempotency.IdempotencyFilter.Header].ToString().Trim() is { Length: > 0 and <= 100 } key ? key : null;
}
