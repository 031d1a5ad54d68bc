using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Server.Hosting;

/// <summary>Everything the host gives every module: configuration, errors, limits, localization, pages and docs.</summary>
internal static class HostSetup
{
    public const long MaxRequestBytes = 30 * 1024 * 1024;

    private const string SqlCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    public static WebApplicationBuilder AddVermilionHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        // Serves wwwroot from the build's static web assets manifest under `dotnet run` in any environment.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // Every statement at Information is megabytes a minute; settings that name the category still decide.
        if (configuration[$"Logging:LogLevel:{SqlCommands}"] is null && configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] is null)
        {
            builder.Logging.AddFilter(SqlCommands, LogLevel.Warning);
        }

        var database = DatabaseConfiguration.Read(configuration);
        services.AddSingleton(database);
        // Registered before the kernel's outbox dispatcher so the schema exists before anything reads it.
        services.AddHostedService<Startup>();
        services.AddHostedService<PlannerStatistics>();
        services.AddKernel(configuration);
        services.AddSingleton<IMediaStore>(new LocalMediaStore(Path.Combine(database.DataDirectory, "media")));
        services.AddSingleton<Pictures>();
        services.AddStrings(typeof(HostSetup).Assembly);

        // Chinese text goes into pages as characters, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 32);
        services.AddVermilionRateLimits(configuration);
        services.AddVermilionProxies(configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Pages anonymous readers share (a note's, say) opt in with a policy of their module's; in memory, per node.
        services.AddOutputCache();
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.ReuseAntiforgeryTokens();
        services.AddSingleton<AssetUrls>();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiBearer>());
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }
}
