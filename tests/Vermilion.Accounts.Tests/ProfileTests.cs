using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class ProfileTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PatchMe_UpdatesTheFieldsGivenAndKeepsTheRest(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, id, _) = await app.SignUpAsync();

        var first = await client.PatchAsJsonAsync("/api/me", new { nickname = "小鹿🦌", bio = "喜欢旅行", gender = "female", birthday = "1999-05-20", city = "杭州", interests = new[] { "旅行", "美食" } });
        var second = await client.PatchAsJsonAsync("/api/me", new { city = "上海" });
        var profile = await (await app.CreateClient().GetAsync($"/api/users/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("小鹿🦌", profile.GetProperty("nickname").GetString());
        Assert.Equal("喜欢旅行", profile.GetProperty("bio").GetString());
        Assert.Equal("female", profile.GetProperty("gender").GetString());
        Assert.Equal("上海", profile.GetProperty("city").GetString());
        Assert.Equal(2, profile.GetProperty("interests").GetArrayLength());
        Assert.False(profile.TryGetProperty("birthday", out _)); // only the person sees it
        Assert.Equal("1999-05-20", (await (await client.GetAsync("/api/me")).JsonAsync()).GetProperty("birthday").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PatchMe_TenMegabyteNickname_IsFieldErrorAndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, _, username) = await app.SignUpAsync();

        var response = await client.PatchAsJsonAsync("/api/me", new { nickname = new string('长', 10 * 1024 * 1024 / 3), bio = "changed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("nickname", out _));
        var me = await (await client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal(username, me.GetProperty("profile").GetProperty("nickname").GetString());
        Assert.Equal("", me.GetProperty("profile").GetProperty("bio").GetString());
    }

    [Theory]
    [InlineData("{\"gender\":\"robot\"}", "gender")]
    [InlineData("{\"gender\":\"7\"}", "gender")]
    [InlineData("{\"birthday\":\"2999-01-01\"}", "birthday")]
    [InlineData("{\"nickname\":\"   \"}", "nickname")]
    [InlineData("{\"interests\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", "interests")]
    public async Task PatchMe_InvalidField_IsFieldError(string body, string field)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await app.SignUpAsync();

        var response = await client.PatchAsync("/api/me", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PutAvatar_StoresTheImageWithoutItsMetadata(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, id, _) = await app.SignUpAsync();
        var png = TestImages.Png(64, 48, withMetadata: true);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "avatar", "me.png" } };

        var response = await client.PutAsync("/api/me/avatar", form);
        var avatarUrl = (await (await app.CreateClient().GetAsync($"/api/users/{id}")).JsonAsync()).GetProperty("avatarUrl").GetString()!;
        var served = await app.CreateClient().GetAsync(avatarUrl);
        var bytes = await served.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^/media/[0-9a-f]{64}-card\\.webp$", avatarUrl);
        Assert.Equal("image/webp", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(TestImages.SecretText, Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PutAvatar_ScriptNamedPng_IsRejectedAndAvatarUnchanged(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (client, _, _) = await app.SignUpAsync();
        var script = Encoding.UTF8.GetBytes("<script>alert('pwned')</script>");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(script) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "avatar", "evil.png" } };

        var response = await client.PutAsync("/api/me/avatar", form);
        var me = await (await client.GetAsync("/api/me")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("avatar", out _));
        Assert.StartsWith("/avatars/", me.GetProperty("profile").GetProperty("avatarUrl").GetString());
    }

    [Fact]
    public async Task PutAvatar_TruncatedOrHugeOrTooBig_IsRejected()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await app.SignUpAsync();
        var png = TestImages.Png(32, 32);

        var truncated = await client.PutAsync("/api/me/avatar", new ByteArrayContent(png[..(png.Length - 20)]));
        var bomb = await client.PutAsync("/api/me/avatar", new ByteArrayContent(TestImages.Png(9000, 1)));
        var tooBig = await client.PutAsync("/api/me/avatar", new ByteArrayContent(new byte[6 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzzzzzz")]
    [InlineData("AAAAAAAAA")]
    [InlineData("!!")]
    public async Task GetUser_Unknown_Is404Problem(string id)
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync($"/api/users/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DefaultAvatar_IsAnSvgWithTheFirstCharacter()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (client, id, _) = await app.SignUpAsync();
        await client.PatchAsJsonAsync("/api/me", new { nickname = "<b>橙子" });

        var svg = await app.CreateClient().GetStringAsync($"/avatars/{id}.svg");

        Assert.Contains("&lt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
    }
}
