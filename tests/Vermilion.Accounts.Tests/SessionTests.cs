using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class SessionTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignOut_EndsOnlyThisToken(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (first, _, username) = await app.SignUpAsync();
        var second = await TokenClientAsync(app, username, ApiClient.Password);

        var signOut = await first.PostAsync("/api/auth/signout", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignOutEverywhere_EndsEveryToken(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (first, _, username) = await app.SignUpAsync();
        var second = await TokenClientAsync(app, username, ApiClient.Password);

        await first.PostAsync("/api/auth/signout-everywhere", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangePassword_EndsOtherSessionsAndKeepsThisOne(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (first, _, username) = await app.SignUpAsync();
        var second = await TokenClientAsync(app, username, ApiClient.Password);

        var change = await first.PutAsJsonAsync("/api/me/password", new { currentPassword = ApiClient.Password, newPassword = "a-brand-new-passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        var oldPassword = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        await TokenClientAsync(app, username, "a-brand-new-passphrase");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_IsFieldErrorAndChangesNothing()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (client, _, username) = await app.SignUpAsync();

        var change = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = "not-it-at-all", newPassword = "another-passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.True((await change.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        await TokenClientAsync(app, username, ApiClient.Password);
    }

    [Theory]
    [InlineData("Bearer vm_not-a-real-token-at-all")]
    [InlineData("Bearer x")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Me_WithoutValidToken_Is401Problem(string authorization)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpClient> TokenClientAsync(VermilionApp app, string username, string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync()).GetProperty("token").GetString());
        return client;
    }
}
