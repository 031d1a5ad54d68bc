using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Web;

namespace Vermilion.Server.Hosting;

/// <summary>Per-client limits (by person when signed in, by address otherwise); a refusal is a 429 with Retry-After.</summary>
internal static class RateLimits
{
    public static IServiceCollection AddVermilionRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Vermilion:RateLimits");
        var perSecond = section.GetValue("PerClientPerSecond", 20);
        var burst = section.GetValue("PerClientBurst", 200);
        var authPerMinute = section.GetValue("AuthPerMinute", 20);
        var writesPerMinute = section.GetValue("WritesPerMinute", 60);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
                await TypedResults.Problem(detail: text["common.too_many_requests", seconds], statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(RateLimitPolicies.Auth, http =>
                RateLimitPartition.GetFixedWindowLimiter("auth:" + Address(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = authPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(RateLimitPolicies.Writes, http =>
                RateLimitPartition.GetFixedWindowLimiter("writes:" + ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = writesPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static string ClientKey(HttpContext http) =>
        http.User.UserId() is { } id ? "u:" + id.ToString(CultureInfo.InvariantCulture) : "ip:" + Address(http);

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
