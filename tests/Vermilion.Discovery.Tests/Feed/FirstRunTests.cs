using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Feed;

/// <summary>A node whose feed knows no notes yet (never trained, nothing heard): the home page is still not empty.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task Discover_BeforeTheFeedKnowsAnyNote_ShowsTheNewestNotes_OnePage()
    {
        // The refresher never looks for changed notes here, so the feed's own copy stays empty.
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Discovery:Feed:TrainInBackground"] = "false",
            ["Discovery:Feed:PollEvery"] = "01:00:00",
        });
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.PostAsync("第一篇笔记", "旅行");

        var page = await (await app.CreateClient().GetAsync("/api/feed/discover")).JsonAsync();

        Assert.Contains(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetString() == note);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}
