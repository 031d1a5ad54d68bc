using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Api;

/// <summary>Reads ids from routes; an id that cannot be one is simply not found.</summary>
internal static class ApiIds
{
    public static long? Parse(string id) => ShortId.TryDecode(id, out var value) ? value : null;

    public static IResult NotFound(IStringLocalizer text, string key) =>
        TypedResults.Problem(detail: text[key], statusCode: StatusCodes.Status404NotFound);

    public static IResult Result<T>(Outcome<T> outcome) => outcome.Match(value => TypedResults.Ok(value));
}
