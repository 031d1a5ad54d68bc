using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Localization;

namespace Vermilion.Server.Hosting;

/// <summary>
/// An API call that rides on the browser's cookie must prove it came from our pages (a token in the
/// <c>RequestVerificationToken</c> header); bearer-token calls cannot be forged by another site and need none.
/// </summary>
internal static class ApiAntiforgery
{
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod
            && http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                var text = http.RequestServices.GetRequiredService<IStringLocalizer>();
                await TypedResults.Problem(detail: text["common.antiforgery"], statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    });
}
