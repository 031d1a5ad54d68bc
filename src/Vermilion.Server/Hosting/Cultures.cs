using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Vermilion.Kernel.Localization;

namespace Vermilion.Server.Hosting;

/// <summary>zh-CN by default, English on request: a cookie set by the language switch, or <c>?culture=en</c>.</summary>
internal static class Cultures
{
    public static RequestLocalizationOptions Options()
    {
        var supported = StringTable.Cultures.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(StringTable.DefaultCulture),
            SupportedCultures = supported,
            SupportedUICultures = supported,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>POST /culture: remembers the chosen language for a year and goes back where the person was.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!StringTable.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                culture = StringTable.DefaultCulture;
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        })
        // Choosing a language changes nothing but how pages read, so it needs no anti-forgery token; that keeps the
        // token (and its cookie) off anonymous pages, which the output cache can then share between readers.
        .DisableAntiforgery()
        .ExcludeFromDescription();
}
