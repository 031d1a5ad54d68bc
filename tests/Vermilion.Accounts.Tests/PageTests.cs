using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

public sealed class PageTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static readonly WebApplicationFactoryClientOptions Browser = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUpPage_CreatesAccountAndSignsIn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient(Browser);
        var username = ApiClient.UniqueName("page");

        var response = await client.PostFormAsync("/account/signup", new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = ApiClient.Password,
            ["Nickname"] = "页面注册",
            ["Interests"] = "美食",
        });
        var me = await client.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("页面注册", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterestChips_ReadInTheReadersLanguage_AndStillStoreTheChannelName()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);

        var english = await client.GetStringAsync("/account/signup?culture=en&ui-culture=en");
        var chinese = await client.GetStringAsync("/account/signup?culture=zh-CN&ui-culture=zh-CN");

        Assert.Contains("value=\"美食\"", english, StringComparison.Ordinal);
        Assert.Contains("<span>Food</span>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<span>美食</span>", english, StringComparison.Ordinal);
        Assert.Contains("<span>美食</span>", chinese, StringComparison.Ordinal);

        var (person, id, _) = await app.SignUpAsync();
        Assert.True((await person.PatchAsJsonAsync("/api/me", new { interests = new[] { "美食", "我自己的词" } })).IsSuccessStatusCode);
        var profile = await app.CreateClient().GetStringAsync($"/user/{id}?culture=en&ui-culture=en");
        Assert.Contains("<li class=\"tag\">Food</li>", profile, StringComparison.Ordinal);
        Assert.Contains("<li class=\"tag\">我自己的词</li>", profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUpPage_BadInput_ShowsFieldErrorsAndKeepsInput()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);

        var response = await client.PostFormAsync("/account/signup", new Dictionary<string, string>
        {
            ["Username"] = "1bad name",
            ["Password"] = "123",
            ["Nickname"] = "保留的昵称",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名需为", html, StringComparison.Ordinal);
        Assert.Contains("密码至少需要 8 位", html, StringComparison.Ordinal);
        Assert.Contains("保留的昵称", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_WrongPassword_ShowsErrorInEnglishWhenChosen()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (_, _, username) = await app.SignUpAsync();
        var client = app.CreateClient(Browser);

        var response = await client.PostFormAsync("/account/signin?culture=en", new Dictionary<string, string> { ["Login"] = username, ["Password"] = "wrong-password!" });

        Assert.Contains("Wrong username or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);

        var response = await client.PostAsync("/account/signup", new FormUrlEncodedContent([new("Username", ApiClient.UniqueName()), new("Password", ApiClient.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CookieApiWrite_WithoutAntiforgeryHeader_IsRejected()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);
        var (_, _, username) = await app.SignUpAsync();
        await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = username, ["Password"] = ApiClient.Password });

        var read = await client.GetAsync("/api/me");
        var write = await client.PatchAsJsonAsync("/api/me", new { bio = "forged" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        Assert.Equal("", (await (await client.GetAsync("/api/me")).JsonAsync()).GetProperty("profile").GetProperty("bio").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SettingsPage_SavesProfileAndShowsItOnThePublicPage(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, id, username) = await app.SignUpAsync();
        var client = app.CreateClient(Browser);
        await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = username, ["Password"] = ApiClient.Password });

        var save = await client.PostFormAsync("/settings", new Dictionary<string, string>
        {
            ["Form.Nickname"] = "设置页昵称",
            ["Form.Bio"] = "<script>alert(1)</script>",
            ["Form.Gender"] = "male",
            ["Form.City"] = "成都",
            ["Form.Interests"] = "健身",
        }, "/settings?handler=Profile");
        var profile = await app.CreateClient().GetStringAsync($"/user/{id}");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("设置页昵称", profile, StringComparison.Ordinal);
        Assert.Contains("成都", profile, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_WhenSignedOut_RedirectsToSignIn()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient(Browser).GetAsync("/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404Page()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/user/doesnotexist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"status-page\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosePage_AsksForATickAndThePasswordThenClosesAndSignsOut()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);
        var username = ApiClient.UniqueName("close");
        await client.PostFormAsync("/account/signup", new Dictionary<string, string> { ["Username"] = username, ["Password"] = ApiClient.Password, ["Nickname"] = "要离开的人" });

        var unticked = await client.PostFormAsync("/settings/close", new Dictionary<string, string> { ["password"] = ApiClient.Password });
        var wrong = await client.PostFormAsync("/settings/close", new Dictionary<string, string> { ["password"] = "wrong-password", ["confirm"] = "true" });
        var closed = await client.PostFormAsync("/settings/close", new Dictionary<string, string> { ["password"] = ApiClient.Password, ["confirm"] = "true" });
        var afterwards = await client.GetAsync("/settings");

        Assert.Contains("请勾选确认后再注销", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/signin", afterwards.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostedWithoutItsToken_IsAFriendly400Page()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(Browser);

        var response = await client.PostAsync("/account/signin?handler=Anything", new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"status-page\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);

        var response = await app.CreateClient().GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
