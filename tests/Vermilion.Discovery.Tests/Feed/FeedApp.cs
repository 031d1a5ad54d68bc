using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Feed;

/// <summary>
/// One running platform per provider for a test class, trained only when a test asks (no schedule), so what a
/// test sees follows from what it did. Tests make their own people and notes.
/// </summary>
public sealed class FeedApp : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<VermilionApp>> apps = [];
    private readonly Lock gate = new();

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Discovery:Feed:TrainInBackground"] = "false",
        ["Discovery:Feed:PollEvery"] = "00:00:00.200",
    };

    public Task<VermilionApp> GetAsync(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                apps[provider] = app = VermilionApp.StartAsync(provider, new Dictionary<string, string?>(Settings));
            }

            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}

/// <summary>Acting on the platform for feed tests: notes in channels, likes, training, reading the feed.</summary>
internal static class FeedActions
{
    /// <summary>A text note with topics, returning its public id.</summary>
    public static async Task<string> PostAsync(this HttpClient author, string title, string topics, string? city = null, double? lat = null, double? lng = null)
    {
        var body = string.Join(' ', topics.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => $"#{t}#"));
        var response = await author.PostAsJsonAsync("/api/notes", new { type = "text", title, body = "记录一下 " + body, city, latitude = lat, longitude = lng });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<(HttpClient Client, string Id, string Username)> SignUpWithInterestsAsync(this VermilionApp app, params string[] interests)
    {
        var username = ApiClient.UniqueName("f");
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { username, password = ApiClient.Password, interests });
        response.EnsureSuccessStatusCode();
        var body = await response.JsonAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        return (client, body.GetProperty("user").GetProperty("profile").GetProperty("id").GetString()!, username);
    }

    public static async Task<IReadOnlyList<(string Id, string Title, string Reason)>> FeedAsync(this HttpClient client, string path = "/api/feed/discover")
    {
        var page = await (await client.GetAsync(path)).JsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("title").GetString()!, i.GetProperty("reason").GetString() ?? ""))];
    }

    /// <summary>Trains once every event so far has reached the feed (likes and notes travel through the outbox).</summary>
    public static async Task<FeedTrainingResult> TrainAsync(this VermilionApp app)
    {
        await app.SettledAsync();
        return await app.Services.GetRequiredService<IFeedTraining>().TrainAsync(new FeedTrainingRequest(2), null, CancellationToken.None);
    }

    /// <summary>Waits until every module's outbox is delivered.</summary>
    public static Task SettledAsync(this VermilionApp app) => Eventually.ValueAsync(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var pending = 0;
        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            pending += await db.OutboxMessages.CountAsync(m => m.DeliveredAt == null);
        }

        return pending;
    }, pending => pending == 0, "every module's events are delivered");
}
