using System.Net;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class SignUpTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_ReturnsTokenThatOpensMe(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, id, username) = await app.SignUpAsync();

        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal(id, me.GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal(username, me.GetProperty("profile").GetProperty("nickname").GetString());
        Assert.StartsWith("/avatars/", me.GetProperty("profile").GetProperty("avatarUrl").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_TakenUsernameInAnyCase_IsConflict(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, _, username) = await app.SignUpAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { username = username.ToUpperInvariant(), password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("username", out _));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_ConcurrentSameName_CreatesExactlyOne(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var username = ApiClient.UniqueName("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { username, password = ApiClient.Password })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("short", "password")]
    [InlineData("password123", "password")]
    [InlineData("qwertyuiop", "password")]
    [InlineData("weakname_x1", "password")]
    [InlineData("", "password")]
    public async Task SignUp_BadPassword_IsFieldError(string password, string field)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var username = password == "weakname_x1" ? "weakname_x1" : ApiClient.UniqueName();

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { username, password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var signIn = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = username, password });
        Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode); // nothing was created
    }

    [Fact]
    public async Task SignUp_TooLongPassword_IsFieldError()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { username = ApiClient.UniqueName(), password = new string('k', 129) + "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_WithEmailOnly_MakesAUsernameAndSignsInByEmail(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var email = ApiClient.UniqueName("mail") + "@example.com";

        var created = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { email, password = ApiClient.Password });
        var token = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = email.ToUpperInvariant(), password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.StartsWith("mail", (await token.JsonAsync()).GetProperty("user").GetProperty("profile").GetProperty("username").GetString());
    }

    [Fact]
    public async Task SignUp_WithEmailOnly_AlwaysMakesAValidUsername()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        for (var i = 0; i < 40; i++)
        {
            var email = ApiClient.UniqueName("m") + "@example.com";
            var created = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { email, password = ApiClient.Password });

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Matches("^m[0-9x]+$", (await created.JsonAsync()).GetProperty("user").GetProperty("profile").GetProperty("username").GetString());
        }
    }

    [Theory]
    [InlineData("{\"username\":\"abc\",")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public async Task SignUp_MalformedJson_IsProblemDetails(string body)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsync("/api/auth/signup", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignUp_MissingFields_IsFieldErrors()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/signup", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }
}
