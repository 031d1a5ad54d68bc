using System.Net;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Token_UnknownUser_IsSameAnswerAsWrongPassword()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite);
        var (_, _, username) = await app.SignUpAsync();

        var unknown = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = "nobody_here", password = "whatever-it-is" });
        var wrong = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password = "whatever-it-is" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await unknown.JsonAsync()).GetProperty("detail").GetString(), (await wrong.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Auth_OverTheLimitPerAddress_Is429WithRetryAfter()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Vermilion:RateLimits:AuthPerMinute"] = "3" });
        var client = app.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/auth/token", new { login = "someone", password = "something-long" }));
        }

        var limited = responses[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_OverTheGlobalLimitPerPerson_Is429()
    {
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Vermilion:RateLimits:PerClientBurst"] = "5",
            ["Vermilion:RateLimits:PerClientPerSecond"] = "1",
        });
        var (client, _, _) = await app.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await client.GetAsync("/api/me")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
