using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Accounts.Contracts;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>A product page on a phone: the buy buttons stay in reach while the buyer scrolls through the details.</summary>
public sealed class PhoneProductTests
{
    [Fact]
    public async Task OnAPhone_TheBuyBarStaysAboveTheTabBar_WhereverThePageIsScrolled()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (merchant, _, _) = await app.SignUpAsync();
        var store = await (await merchant.PostAsJsonAsync("/api/stores", new { name = "手机上的小店", kind = "individual" })).JsonAsync();
        var (admin, _, adminName) = await app.SignUpAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(adminName, Roles.Moderator, CancellationToken.None);
        }

        Assert.True((await admin.PostAsJsonAsync($"/api/stores/{store.GetProperty("id").GetString()}/decision", new { approve = true })).IsSuccessStatusCode);
        var product = await (await merchant.PostAsJsonAsync("/api/products", new
        {
            title = "手冲挂耳咖啡",
            description = string.Join("\n", Enumerable.Repeat("中深烘，巧克力坚果风味，每天早上一杯。", 60)),
            onShelf = true,
            skus = new[] { new { specs = "规格:10 包", price = 3900L, originalPrice = 4900L, stock = 20 } },
        })).JsonAsync();
        var (_, _, buyerName) = await app.SignUpAsync();
        var page = await session.SignedInPageAsync(buyerName, 390, 844);

        await page.GotoAsync($"/goods/{product.GetProperty("id").GetString()}");
        await page.Mouse.WheelAsync(0, 1500);

        var bar = await page.Locator("[data-testid=buy-bar]").BoundingBoxAsync();
        var tabs = await page.Locator("nav.tabbar").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.NotNull(tabs);
        Assert.True(bar.Y >= 0 && bar.Y + bar.Height <= tabs.Y + 1, $"buy bar at {bar.Y}–{bar.Y + bar.Height}, tab bar from {tabs.Y}");
        await page.ClickAsync("[data-testid=buy-now]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/checkout"));
    }
}
