using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

public sealed partial class AccountJourneyTests
{
    [Fact]
    public async Task Person_SignsUpSignsInEditsProfileWithAvatarSwitchesLanguageAndSignsOut()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        var username = ApiClient.UniqueName("web");

        // Sign up, picking interests.
        await page.GotoAsync("/account/signup");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", ApiClient.Password);
        await page.FillAsync("#nickname", "浏览器用户");
        await page.ClickAsync("label.chip-check:has-text('旅行')");
        await page.ClickAsync("[data-testid=signup-submit]");
        await Assertions.Expect(page.Locator("[data-testid=avatar-menu]")).ToBeVisibleAsync();

        // Sign out from the avatar menu, then sign back in.
        await page.ClickAsync("[data-testid=avatar-menu] summary");
        await page.ClickAsync("[data-testid=signout]");
        await Assertions.Expect(page.Locator("[data-testid=avatar-menu]")).ToHaveCountAsync(0);
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#login", username);
        await page.FillAsync("#password", "wrong-password-here");
        await page.ClickAsync("[data-testid=signin-submit]");
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToContainTextAsync("用户名或密码错误");
        await page.FillAsync("#password", ApiClient.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await Assertions.Expect(page.Locator("[data-testid=avatar-menu]")).ToBeVisibleAsync();

        // Edit the profile: a field error first, then a good save.
        await page.GotoAsync("/settings");
        await page.FillAsync("[data-testid=nickname]", "");
        await page.ClickAsync("[data-testid=profile-submit]");
        await Assertions.Expect(page.Locator(".field-error[data-for=nickname]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=nickname]", "旅行的小鹿");
        await page.FillAsync("[data-testid=bio]", "周末去露营，记录路上的风景");
        await page.FillAsync("[data-testid=city]", "杭州");
        await page.ClickAsync("[data-testid=profile-submit]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToBeVisibleAsync();

        // Upload an avatar (the picture carries location text that must not survive).
        await page.SetInputFilesAsync("[data-testid=avatar-input]", new FilePayload
        {
            Name = "me.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(240, 240, 32, 160, 220, withMetadata: true),
        });
        await page.ClickAsync("[data-testid=avatar-submit]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("头像已更新");

        // The public page shows it all.
        await page.ClickAsync("[data-testid=avatar-menu] summary");
        await page.ClickAsync("[data-testid=avatar-menu] a[href^='/user/']");
        await Assertions.Expect(page.Locator("[data-testid=profile-nickname]")).ToContainTextAsync("旅行的小鹿");
        await Assertions.Expect(page.Locator("[data-testid=profile-bio]")).ToHaveTextAsync("周末去露营，记录路上的风景");
        await Assertions.Expect(page.Locator("[data-testid=profile-city]")).ToHaveTextAsync("杭州");
        var avatar = page.Locator("[data-testid=profile-avatar]");
        await Assertions.Expect(avatar).ToHaveAttributeAsync("src", MediaUrl());
        Assert.True(await avatar.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0);

        // Switch to English and back.
        await page.ClickAsync("[data-testid=language-switch]");
        await Assertions.Expect(page.Locator("[data-testid=edit-profile]")).ToHaveTextAsync("Edit profile");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // Sign out.
        await page.ClickAsync("[data-testid=avatar-menu] summary");
        await page.ClickAsync("[data-testid=signout]");
        await Assertions.Expect(page.Locator("a.btn-primary:has-text('Sign in')")).ToBeVisibleAsync();
        await page.GotoAsync("/settings");
        await Assertions.Expect(page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task PhoneWidth_ShowsTheTabBarInsteadOfTheSideNavigation()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(390, 844);

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("nav.tabbar")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.sidenav")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task PhoneWidth_EveryTabFitsWithinTheScreen_InEitherLanguage(string culture)
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(390, 844);

        await page.GotoAsync($"/?culture={culture}&ui-culture={culture}");

        var tabs = page.Locator("nav.tabbar > a");
        Assert.Equal(5, await tabs.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var box = await tabs.Nth(i).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"tab {i} spans {box.X}–{box.X + box.Width} of 390 px");
            Assert.True(await tabs.Nth(i).EvaluateAsync<bool>("a => a.scrollWidth <= a.clientWidth + 1"), $"tab {i}'s label is cut");
        }
    }

    [GeneratedRegex("^/media/[0-9a-f]{64}-card\\.webp$")]
    private static partial Regex MediaUrl();

    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInUrl();
}
