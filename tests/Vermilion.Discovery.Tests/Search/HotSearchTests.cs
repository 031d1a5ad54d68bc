using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Discovery.Search;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>Hot searches (热搜榜) count each person or visitor once an hour, and operators can remove or block a query.</summary>
public sealed class HotSearchTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwentyAnonymousSearches_FromOneVisitor_CountOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var query = "anon-spam-" + ApiClient.UniqueName() + ".example";
        var visitor = app.CreateClient();
        var cookieless = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/search?q=" + query)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await cookieless.GetAsync("/api/search?q=" + query)).StatusCode);
        }

        Assert.Equal(1, await SettledCountAsync(app, query, atLeast: 1));
        Assert.DoesNotContain(await HotAsync(app.CreateClient()), h => h.Text == query);

        // A second visitor is someone else: now it has been searched twice and is on the list.
        var another = app.CreateClient();
        await another.GetAsync("/api/search/hot");
        await another.GetAsync("/api/search?q=" + query);
        Assert.Equal(2, await SettledCountAsync(app, query, atLeast: 2));
        Assert.Contains(await HotAsync(app.CreateClient()), h => h.Text == query);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SearchesTheRateLimiterRefuses_AreNotCounted(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Vermilion:RateLimits:PerClientBurst"] = "5",
            ["Vermilion:RateLimits:PerClientPerSecond"] = "1",
        });
        var query = "limited-" + ApiClient.UniqueName();
        var visitors = app.Services.GetRequiredService<Visitors>();
        var answered = 0;
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + query);
            request.Headers.Add("Cookie", Visitors.CookieName + "=" + visitors.Issue());
            var response = await app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, response.StatusCode.ToString());
            answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.InRange(answered, 1, 19);
        Assert.Equal(answered, await SettledCountAsync(app, query, atLeast: answered));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Operators_BlockOrRemoveAHotQuery_OthersAreRefused(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var blocked = "blockme" + ApiClient.UniqueName();
        var removed = "removeme" + ApiClient.UniqueName();
        var (first, _, _) = await app.SignUpAsync();
        var (second, _, _) = await app.SignUpAsync();
        foreach (var searcher in new[] { first, second })
        {
            await searcher.GetAsync("/api/search?q=" + blocked);
            await searcher.GetAsync("/api/search?q=" + removed);
        }

        await Eventually.ValueAsync(() => HotAsync(first), hot => hot.Any(h => h.Text == blocked) && hot.Any(h => h.Text == removed), "both queries are hot");
        var (admin, _, adminName) = await app.SignUpAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(adminName, Roles.Admin, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await first.PostAsJsonAsync("/api/admin/search/blocked", new { q = blocked })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.DeleteAsync("/api/admin/search/hot?q=" + removed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/admin/search/hot")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/admin/search/blocked", new { q = blocked })).StatusCode);
        var empty = await admin.PostAsJsonAsync("/api/admin/search/blocked", new { q = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("q", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/search/hot?q=never-searched-" + ApiClient.UniqueName())).StatusCode);

        // Matched once normalized: upper case and spaces around still name the same query.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/search/blocked", new { q = "  " + blocked.ToUpperInvariant() + " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/search/hot?q=" + removed)).StatusCode);
        var hot = await HotAsync(first);
        Assert.DoesNotContain(hot, h => h.Text == blocked || h.Text == removed);

        // A blocked query is never counted again; a removed one may climb back.
        var (third, _, _) = await app.SignUpAsync();
        await third.GetAsync("/api/search?q=" + blocked);
        await third.GetAsync("/api/search?q=" + removed);
        await SettledCountAsync(app, removed, atLeast: 1);
        Assert.Equal(0, await CountAsync(app, blocked));
        Assert.Contains(await admin.GetFromJsonAsync<List<Moderated>>("/api/admin/search/blocked") ?? [], b => b.Text == blocked);
        Assert.Contains($"data-query=\"{blocked}\"", await admin.GetStringAsync("/admin/search"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/search/blocked?q=" + blocked)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/admin/search/blocked?q=" + blocked)).StatusCode);
    }

    private static async Task<List<Hot>> HotAsync(HttpClient client) => await client.GetFromJsonAsync<List<Hot>>("/api/search/hot") ?? [];

    private static async Task<long> CountAsync(VermilionApp app, string query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDb>();
        return await db.Queries.AsNoTracking().Where(q => q.Text == query).Select(q => q.Count).FirstOrDefaultAsync();
    }

    /// <summary>The query's count once the recorder has written at least <paramref name="atLeast"/> and had time for the rest.</summary>
    private static async Task<long> SettledCountAsync(VermilionApp app, string query, long atLeast)
    {
        await Eventually.ValueAsync(() => CountAsync(app, query), count => count >= atLeast, $"{query} counted {atLeast} times");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return await CountAsync(app, query);
    }

    private sealed record Hot(int Rank, string Text, double Heat);

    private sealed record Moderated(string Text);
}
