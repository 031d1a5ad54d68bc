using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;
using Xunit;

namespace Vermilion.Testing;

/// <summary>
/// One running platform per provider with the small demo seeded as a new installation seeds it, shared by a test
/// class (its fixture). Tests only read: the demo is what a newcomer would find.
/// </summary>
public sealed class DemoAppPerProvider : IAsyncLifetime
{
    public const string DemoPassword = "vermilion-demo-2026";

    private readonly Dictionary<DatabaseProvider, Task<VermilionApp>> _apps = [];
    private readonly Dictionary<DatabaseProvider, Task<VermilionApp>> _trained = [];
    private readonly Lock _gate = new();

    public Task<VermilionApp> GetAsync(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                // Training in the background would only compete with the tests for the machine; trained when asked,
                // on the cheapest recall source (the feed's channels and pages are what is looked at, not its taste).
                _apps[provider] = app = VermilionApp.StartAsync(provider, new Dictionary<string, string?>
                {
                    ["Vermilion:SeedDemo"] = "true",
                    ["Discovery:Feed:TrainInBackground"] = "false",
                    ["Discovery:Feed:Sources:0"] = "trending",
                });
            }

            return app;
        }
    }

    /// <summary>The same platform once its discovery feed has trained on the demo, as it does a little after a first start.</summary>
    public Task<VermilionApp> TrainedAsync(DatabaseProvider provider)
    {
        lock (_gate)
        {
            if (!_trained.TryGetValue(provider, out var app))
            {
                _trained[provider] = app = TrainAsync(GetAsync(provider));
            }

            return app;
        }

        static async Task<VermilionApp> TrainAsync(Task<VermilionApp> starting)
        {
            var app = await starting;
            await app.Services.GetRequiredService<IFeedTraining>().TrainAsync(new FeedTrainingRequest(2), null, CancellationToken.None);
            return app;
        }
    }

    /// <summary>A client signed in as one of the demo's people (<c>demo</c>, <c>admin</c>, <c>user00042</c>).</summary>
    public static async Task<HttpClient> SignInAsync(VermilionApp app, string username)
    {
        ArgumentNullException.ThrowIfNull(app);
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync()).GetProperty("token").GetString());
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}
