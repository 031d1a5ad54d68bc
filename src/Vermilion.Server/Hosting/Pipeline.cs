using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Vermilion.Server.Media;

namespace Vermilion.Server.Hosting;

internal static class Pipeline
{
    public static WebApplication UseVermilionPipeline(this WebApplication app)
    {
        // First, so everything after sees the client's address and scheme rather than the proxy's.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only, and not for localhost.
            app.UseHsts();
        }

        // An empty error response becomes ProblemDetails for the API and a friendly page for people.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization(Cultures.Options());
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After authentication and localization: only anonymous requests are served from it, keyed by language.
        app.UseOutputCache();
        app.UseApiAntiforgery();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase)
        || http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapVermilionShell(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapMedia();
        app.MapCultureSwitch();
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Vermilion API v1");
            o.DocumentTitle = "Vermilion API";
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).DisableRateLimiting();
        app.MapGet("/api/ping", () => TypedResults.Ok(new { ok = true })).ExcludeFromDescription().DisableRateLimiting();
        return app;
    }
}
