using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Discovery.Contracts;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

public sealed class SearchJourneyTests
{
    private const string Phrase = "老公出轨如何取证";

    [Fact]
    public async Task SearchBox_SuggestsFromTwoCharacters_AndALongPhraseFindsTheNoteWithItFirst()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;
        var (author, _, _) = await app.SignUpAsync();
        var (reader, _, readerName) = await app.SignUpAsync();
        // Notes with the phrase's words scattered, and one with the phrase itself, published last of all.
        foreach (var (title, body) in new[]
        {
            ("婚姻里的沟通", "老公说他没有出轨，我不知道如何判断，律师朋友说取证要合法"),
            ("离婚前要知道的", "如何取证？先别急，老公的聊天记录和出轨的照片都要保存"),
            ("情绪管理笔记", "发现老公可能出轨之后，如何稳住情绪，再谈取证"),
        })
        {
            await PublishAsync(author, title, body);
        }

        var exact = await PublishAsync(author, "老公出轨如何取证的经验", "律师朋友教的：老公出轨如何取证，哪些证据有效");
        await Eventually.ValueAsync(() => FoundAsync(reader, Phrase), found => found.Count == 4, "all four notes are indexed");
        await app.Services.GetRequiredService<ISearchIndexMaintenance>().RefreshNowAsync(learn: true, CancellationToken.None);

        var page = await session.SignedInPageAsync(readerName);
        var box = page.Locator("[data-testid=search-box] input[name=q]");
        await box.ClickAsync();
        await box.PressSequentiallyAsync("老");
        await page.WaitForTimeoutAsync(400);
        await Assertions.Expect(page.Locator("[data-testid=suggestion]")).ToHaveCountAsync(0);
        await box.PressSequentiallyAsync("公");
        var suggestion = page.Locator("[data-testid=suggestion]").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Assertions.Expect(suggestion).ToContainTextAsync("老公");

        await box.FillAsync(Phrase);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        var first = page.Locator(".note-card").First;
        await Assertions.Expect(page.Locator(".note-card")).ToHaveCountAsync(4);
        Assert.Equal(exact, await first.GetAttributeAsync("data-note"));
        await Assertions.Expect(first.Locator(".note-title em").First).ToContainTextAsync(Phrase);

        // The search is in the reader's history, shown when the empty box gets focus.
        await Eventually.ValueAsync(async () => await reader.GetFromJsonAsync<List<string>>("/api/search/history") ?? [],
            history => history.Contains(Phrase), "the search is in the history");
        await page.GotoAsync("/");
        await page.Locator("[data-testid=search-box] input[name=q]").ClickAsync();
        await Assertions.Expect(page.Locator(".history-chip").First).ToContainTextAsync(Phrase);
    }

    private static async Task<string> PublishAsync(HttpClient client, string title, string body)
    {
        var response = await client.PostAsJsonAsync("/api/notes", new { type = "text", title, body });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<List<string>> FoundAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search?q=" + Uri.EscapeDataString(query));
        return [.. page.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("card").GetProperty("id").GetString()!)];
    }
}
