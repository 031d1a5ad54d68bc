using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Accounts.Contracts;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>
/// Searching for a product by name: the notes tab shows the note carrying it with the product under its title, the
/// 商品 tab shows the product's card, sorts by price, loads more as it scrolls, and lays out two columns on a phone.
/// </summary>
public sealed class ProductSearchJourneyTests
{
    [Fact]
    public async Task SearchingAProductsName_FindsItInTheProductsTab_AndTheNoteCarryingIt()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (merchant, _, _) = await app.SignUpAsync();
        var store = await (await merchant.PostAsJsonAsync("/api/stores", new { name = "山野露营小铺", kind = "individual", commissionBasisPoints = 1000 })).JsonAsync();
        var (moderator, _, moderatorName) = await app.SignUpAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(moderatorName, Roles.Moderator, CancellationToken.None);
        }

        Assert.True((await moderator.PostAsJsonAsync($"/api/stores/{store.GetProperty("id").GetString()}/decision", new { approve = true })).IsSuccessStatusCode);
        var photo = new ByteArrayContent(TestImages.Png(400, 400, 76, 175, 80));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var imageId = (await (await merchant.PostAsync("/api/images", photo)).JsonAsync()).GetProperty("id").GetString();
        var tent = await ListAsync(merchant, "轻量双人帐篷", 39900, [imageId!]);
        // Twenty-two more, so the products tab has a second page to load as it scrolls.
        for (var i = 0; i < 22; i++)
        {
            await ListAsync(merchant, $"露营帐篷地钉 {i + 1} 号", 990 + (i * 100), []);
        }

        var (creator, _, _) = await app.SignUpAsync();
        var noteId = (await (await creator.PostAsJsonAsync("/api/notes", new { type = "text", title = "第一次带娃露营", body = "装备清单都在这里了" })).JsonAsync()).GetProperty("id").GetString()!;
        await Eventually.ValueAsync(async () => await NoteCountAsync(app, "带娃露营"), n => n == 1, "the note is indexed");
        Assert.True((await creator.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { tent } })).IsSuccessStatusCode);
        await Eventually.ValueAsync(async () => await NoteCountAsync(app, "轻量双人帐篷"), n => n == 1, "the note is found by the product it carries");
        await Eventually.ValueAsync(async () => await ProductCountAsync(app, "帐篷"), n => n == 23, "the products are indexed");

        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.Locator("[data-testid=search-box] input[name=q]");
        await box.FillAsync("轻量双人帐篷");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        var note = page.Locator($".note-card[data-note='{noteId}']");
        await Assertions.Expect(note.Locator("[data-testid=note-chip]")).ToContainTextAsync("轻量双人帐篷");
        await Assertions.Expect(note.Locator("[data-testid=note-chip]")).ToContainTextAsync("¥399");

        await page.ClickAsync("[data-testid=search-tab-products]");
        await Assertions.Expect(page.Locator("[data-testid=search-tab-products]")).ToHaveClassAsync("active");
        var first = page.Locator("[data-testid=product-result]").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-product", tent);
        await Assertions.Expect(first.Locator("[data-testid=product-title] em")).ToHaveTextAsync("轻量双人帐篷");
        await Assertions.Expect(first.Locator("[data-testid=product-price]")).ToHaveTextAsync("¥399");
        await Assertions.Expect(first).ToContainTextAsync("山野露营小铺");

        // A broader word, cheapest first; the end of the grid brings the second page.
        await page.GotoAsync("/search?type=products&q=" + Uri.EscapeDataString("帐篷"));
        await page.ClickAsync("[data-testid=sort-price]");
        await page.WaitForURLAsync("**sort=price_asc*");
        await Assertions.Expect(page.Locator("[data-testid=product-price]").First).ToHaveTextAsync("¥9.90");
        await Assertions.Expect(page.Locator("[data-testid=product-result]")).ToHaveCountAsync(20);
        await page.Locator(".feed-end").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("[data-testid=product-result]")).ToHaveCountAsync(23);
        await Assertions.Expect(page.Locator("[data-testid=product-result]").Last).ToHaveAttributeAsync("data-product", tent);

        // On a phone the grid has two columns.
        var phone = await session.NewPageAsync(390, 844);
        await phone.GotoAsync("/search?type=products&q=" + Uri.EscapeDataString("帐篷"));
        var cards = phone.Locator("[data-testid=product-result]");
        var a = (await cards.Nth(0).BoundingBoxAsync())!;
        var b = (await cards.Nth(1).BoundingBoxAsync())!;
        var c = (await cards.Nth(2).BoundingBoxAsync())!;
        Assert.Equal(a.Y, b.Y, 1);
        Assert.True(b.X > a.X + a.Width - 1 && c.Y > a.Y + a.Height - 1, "two cards to a row");
        Assert.True(b.X + b.Width <= 390, "the second column fits on the screen");
    }

    private static async Task<string> ListAsync(HttpClient merchant, string title, long price, string[] imageIds)
    {
        var response = await merchant.PostAsJsonAsync("/api/products", new
        {
            title,
            imageIds,
            onShelf = true,
            skus = new[] { new { specs = "颜色:森林绿", price, originalPrice = 0L, stock = 20 } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<int> NoteCountAsync(VermilionApp app, string query) =>
        (await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search?q=" + Uri.EscapeDataString(query))).GetProperty("notes").GetArrayLength();

    /// <summary>How many products the query finds over all its pages.</summary>
    private static async Task<int> ProductCountAsync(VermilionApp app, string query)
    {
        var client = app.CreateClient();
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(
                "/api/search/products?q=" + Uri.EscapeDataString(query) + (cursor is null ? "" : "&cursor=" + cursor));
            count += page.GetProperty("products").GetArrayLength();
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);
        return count;
    }
}
