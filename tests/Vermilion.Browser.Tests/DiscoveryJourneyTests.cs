using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>
/// A new person and the discovery feed: interests picked at sign-up shape the first feed; what they open, like and
/// collect shapes the next one after training, with reasons on the cards; "not interested" takes that kind of
/// note out of the following pages.
/// </summary>
public sealed class DiscoveryJourneyTests
{
    private static readonly Dictionary<string, string?> ExplicitTraining = new() { ["Discovery:Feed:TrainInBackground"] = "false" };

    [Fact]
    public async Task NewPerson_PicksInterests_GetsAFeed_LikesAndCollects_AndTheFeedFollowsAfterTraining()
    {
        await using var session = await BrowserSession.StartAsync(settings: ExplicitTraining);
        var app = session.App;
        var food = await PostManyAsync(app, "美食", ["十分钟快手早餐", "空气炸锅食谱", "一人食晚餐", "周末火锅", "家常红烧肉", "手工水饺", "夜宵烤串", "番茄牛腩"]);
        var travel = await PostManyAsync(app, "旅行", ["海岛三日游", "云南慢旅行", "露营装备清单", "城市漫步路线", "古镇周末", "雪山徒步", "海边日落", "草原自驾"]);
        await PostManyAsync(app, "数码", ["千元耳机横评", "平板生产力", "手机拍照参数", "桌面改造"]);
        // People who liked the first food notes also liked the others: what "more like this" will find.
        for (var fan = 0; fan < 5; fan++)
        {
            var (client, _, _) = await app.SignUpAsync();
            foreach (var note in food)
            {
                (await client.PostAsync($"/api/notes/{note}/like", null)).EnsureSuccessStatusCode();
            }
        }

        await TrainAsync(app);

        // Sign up in the browser, picking two interests: the first feed is made of them, and says so.
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/signup");
        await page.FillAsync("#username", ApiClient.UniqueName("feed"));
        await page.FillAsync("#password", ApiClient.Password);
        await page.ClickAsync("label.chip-check:has-text('美食')");
        await page.ClickAsync("label.chip-check:has-text('旅行')");
        await page.ClickAsync("[data-testid=signup-submit]");
        await Assertions.Expect(page.Locator("[data-testid=avatar-menu]")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=tab-discover\\:recommend]")).ToHaveClassAsync("active");
        await Assertions.Expect(page.Locator(".note-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".note-reason:has-text('你感兴趣的美食')").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".note-reason:has-text('你感兴趣的旅行')").First).ToBeVisibleAsync();

        // Open two food notes from the feed: like the first, collect the second into a new board.
        var firstFood = await FirstCardAsync(page, food);
        await page.ClickAsync($"[data-note='{firstFood}'] .note-cover");
        await page.WaitForURLAsync($"**/explore/{firstFood}");
        await page.ClickAsync("[data-testid=like]");
        await Assertions.Expect(page.Locator("[data-testid=like]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GotoAsync("/");
        var secondFood = await FirstCardAsync(page, food, except: firstFood);
        await page.ClickAsync($"[data-note='{secondFood}'] .note-cover");
        await page.WaitForURLAsync($"**/explore/{secondFood}");
        await page.ClickAsync("[data-testid=collect]");
        await page.ClickAsync("[data-testid=toast-action]");
        await page.FillAsync("[data-testid=new-board]", "想做的菜");
        await page.ClickAsync("[data-testid=create-board]");
        await Assertions.Expect(page.Locator("dialog.board-dialog")).ToBeHiddenAsync(); // moved into the new board
        await Assertions.Expect(page.Locator("[data-testid=collect]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GotoAsync("/");

        // The next training cycle: the feed now follows what they liked and collected, and says why.
        await TrainAsync(app);
        await page.ReloadAsync();
        var because = page.Locator(".note-reason:has-text('因为你')");
        await Assertions.Expect(because.First).ToBeVisibleAsync();
        Assert.Contains(await because.AllTextContentsAsync(), reason => reason.Contains("因为你收藏了", StringComparison.Ordinal) || reason.Contains("因为你赞过", StringComparison.Ordinal));
        Assert.DoesNotContain(await CardIdsAsync(page), id => id == firstFood || id == secondFood);

        // "Not interested" in a travel note: travel is gone from the next page, and from a fresh feed.
        var aTrip = await FirstCardAsync(page, travel);
        await page.ClickAsync($"[data-note='{aTrip}'] .note-cover");
        await page.WaitForURLAsync($"**/explore/{aTrip}");
        await page.ClickAsync($"[data-not-interested='{aTrip}']");
        await Assertions.Expect(page.Locator("[data-toast]")).ToContainTextAsync("将减少此类内容推荐");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".note-card").First).ToBeVisibleAsync();
        await page.Locator(".feed-end").ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(1000);
        var after = await CardIdsAsync(page);
        Assert.NotEmpty(after);
        Assert.DoesNotContain(after, travel.Contains);
    }

    private static async Task<string> FirstCardAsync(IPage page, IReadOnlyList<string> among, string? except = null)
    {
        var ids = await CardIdsAsync(page);
        return ids.First(id => among.Contains(id) && id != except);
    }

    private static async Task<IReadOnlyList<string>> CardIdsAsync(IPage page) =>
        [.. (await page.Locator(".note-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.note)"))];

    private static async Task<List<string>> PostManyAsync(VermilionApp app, string topic, string[] titles)
    {
        var ids = new List<string>();
        foreach (var title in titles)
        {
            var (author, _, _) = await app.SignUpAsync();
            var response = await author.PostAsJsonAsync("/api/notes", new { type = "text", title, body = $"分享一下 #{topic}#" });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        return ids;
    }

    /// <summary>Trains once everything done so far has reached the feed through the outbox.</summary>
    private static async Task TrainAsync(VermilionApp app)
    {
        await Eventually.ValueAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var pending = 0;
            foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
            {
                pending += await ((ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.ContextType)).OutboxMessages.CountAsync(m => m.DeliveredAt == null);
            }

            return pending;
        }, pending => pending == 0, "every event is delivered");
        await app.Services.GetRequiredService<IFeedTraining>().TrainAsync(new FeedTrainingRequest(2), null, CancellationToken.None);
    }
}
