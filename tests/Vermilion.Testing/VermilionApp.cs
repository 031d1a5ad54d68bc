using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Testing;

/// <summary>
/// The whole platform on a fresh database of the chosen provider, through the real HTTP pipeline.
/// Rate limits are raised so tests are not throttled, except where a test sets them itself.
/// </summary>
public class VermilionApp(TestDatabase database, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    public IServiceProvider Root => Services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Vermilion", database.Settings.ConnectionString);
        builder.UseSetting("Vermilion:DataDirectory", database.DataDirectory);
        builder.UseSetting("Vermilion:SeedDemo", "false");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Vermilion:RateLimits:PerClientPerSecond", "100000");
        builder.UseSetting("Vermilion:RateLimits:PerClientBurst", "100000");
        builder.UseSetting("Vermilion:RateLimits:AuthPerMinute", "100000");
        builder.UseSetting("Vermilion:RateLimits:WritesPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerAddress>());
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }

    public static async Task<VermilionApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new VermilionApp(database, settings, clock);
        _ = app.Server; // starts the host: migrations run here
        return app;
    }

    /// <summary>The same platform listening on a real loopback port, for a browser.</summary>
    public static async Task<VermilionApp> StartOnKestrelAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new VermilionApp(database, settings);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>The base address of a Kestrel-hosted app, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string ServerAddress => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
