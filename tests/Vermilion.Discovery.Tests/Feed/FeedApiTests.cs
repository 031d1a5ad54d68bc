using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class FeedApiTests(FeedApp apps) : IClassFixture<FeedApp>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_ANewPersonsFirstFeed_IsWhatTheyPickedAtSignUp(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var food = await PostManyAsync(app, "美食", 4);
        await PostManyAsync(app, "数码", 4);
        await app.SettledAsync();
        var (reader, _, _) = await app.SignUpWithInterestsAsync("美食");

        var feed = await Eventually.ValueAsync(() => reader.FeedAsync(), f => f.Count > 0, "a first feed");

        Assert.Contains(feed.Take(6), item => food.Contains(item.Id));
        Assert.Contains(feed, item => item.Reason == "你感兴趣的美食");
        Assert.All(feed, item => Assert.False(string.IsNullOrEmpty(item.Reason)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_AfterTraining_FollowsWhatThePersonLikedAndCollected_AndSaysSo(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var trio = await PostManyAsync(app, "家居", 3);
        var others = await PostManyAsync(app, "健身", 3);
        // Others who liked the first two home notes liked the third too.
        for (var i = 0; i < 4; i++)
        {
            var (fan, _, _) = await app.SignUpAsync();
            foreach (var note in trio)
            {
                (await fan.PostAsync($"/api/notes/{note}/like", null)).EnsureSuccessStatusCode();
            }
        }

        var (reader, _, _) = await app.SignUpAsync();
        (await reader.PostAsync($"/api/notes/{trio[0]}/like", null)).EnsureSuccessStatusCode();
        (await reader.PostAsJsonAsync($"/api/notes/{trio[1]}/collect", new { })).EnsureSuccessStatusCode();

        await app.TrainAsync();
        var feed = await reader.FeedAsync();

        var related = Assert.Single(feed, item => item.Id == trio[2]);
        Assert.StartsWith("因为你", related.Reason);
        Assert.DoesNotContain(feed, item => item.Id == trio[0] || item.Id == trio[1]); // already theirs
        Assert.True(feed.ToList().FindIndex(i => i.Id == trio[2]) < Math.Max(1, feed.ToList().FindIndex(i => others.Contains(i.Id))) || !feed.Any(i => others.Contains(i.Id)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NotInterested_TakesItsKindOutOfTheNextPage(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await PostManyAsync(app, "旅行", 12);
        await PostManyAsync(app, "学习", 12);
        await PostManyAsync(app, "母婴", 12);
        await app.TrainAsync();
        var (reader, _, _) = await app.SignUpWithInterestsAsync("旅行", "学习", "母婴");
        var first = await (await reader.GetAsync("/api/feed/discover")).JsonAsync();
        var items = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        var travel = items.First(id => ChannelOf(app, id) == "travel");

        (await reader.PostAsync($"/api/notes/{travel}/not-interested", null)).EnsureSuccessStatusCode();
        await app.SettledAsync();
        var next = await reader.FeedAsync("/api/feed/discover?cursor=" + first.GetProperty("next").GetString());
        var fresh = await reader.FeedAsync();

        Assert.NotEmpty(next);
        Assert.DoesNotContain(next, item => ChannelOf(app, item.Id) == "travel");
        Assert.DoesNotContain(fresh, item => ChannelOf(app, item.Id) == "travel");
        Assert.Contains(fresh, item => ChannelOf(app, item.Id) == "study");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_PagesNeverRepeatANote_AndCapEachCreator(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (prolific, _, _) = await app.SignUpAsync();
        for (var i = 0; i < 8; i++)
        {
            await prolific.PostAsync($"穿搭日记{i}", "穿搭");
        }

        await PostManyAsync(app, "穿搭", 30);
        await app.TrainAsync();
        var (reader, _, _) = await app.SignUpWithInterestsAsync("穿搭");

        var shown = new List<string>();
        var authors = new List<List<string>>();
        string? cursor = null;
        for (var page = 0; page < 3; page++)
        {
            var body = await (await reader.GetAsync("/api/feed/discover?channel=fashion" + (cursor is null ? "" : "&cursor=" + cursor))).JsonAsync();
            var items = body.GetProperty("items").EnumerateArray().ToList();
            shown.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
            authors.Add([.. items.Select(i => i.GetProperty("author").GetProperty("publicId").GetString()!)]);
            cursor = body.GetProperty("next").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.True(shown.Count >= 20);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.All(authors, page => Assert.True(page.GroupBy(a => a).Max(g => g.Count()) <= 2));
        Assert.All(shown, id => Assert.Equal("fashion", ChannelOf(app, id)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_AnUnknownChannelIsA400(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var response = await app.CreateClient().GetAsync("/api/feed/discover?channel=astrology");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("astrology", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_ANewNoteReachesFollowersAtOnce_Named(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, authorName) = await app.SignUpAsync();
        var (reader, _, _) = await app.SignUpAsync();
        (await reader.PostAsync($"/api/users/{authorId}/follow", null)).EnsureSuccessStatusCode();
        await app.SettledAsync();

        var note = await author.PostAsync("新鲜出炉", "美食");

        var feed = await Eventually.ValueAsync(() => reader.FeedAsync(), f => f.Any(i => i.Id == note), "the followed author's new note");
        Assert.Equal($"你关注的 {authorName}", feed.Single(i => i.Id == note).Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Nearby_RanksByDistanceFromAPosition_OrByCity(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var westLake = await author.PostAsync("西湖边", "旅行", "杭州", 30.2590, 120.1480);
        var binjiang = await author.PostAsync("滨江", "美食", "杭州", 30.2084, 120.2119);
        var beijing = await author.PostAsync("故宫", "旅行", "北京", 39.9163, 116.3972);
        await app.TrainAsync();
        var (reader, _, _) = await app.SignUpAsync();

        var near = await reader.FeedAsync("/api/feed/nearby?lat=30.2600&lng=120.1500");
        var city = await reader.FeedAsync("/api/feed/nearby?city=" + Uri.EscapeDataString("北京"));
        var bad = await reader.GetAsync("/api/feed/nearby?lat=95&lng=120");

        Assert.Contains(near, i => i.Id == westLake);
        Assert.Contains(near, i => i.Id == binjiang);
        Assert.DoesNotContain(near, i => i.Id == beijing);
        Assert.StartsWith("距你", near.Single(i => i.Id == westLake).Reason);
        Assert.Contains(city, i => i.Id == beijing && i.Reason == "同城热门");
        Assert.DoesNotContain(city, i => i.Id == westLake);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Visitors_GetTrendingAndFreshNotes_AndTheHomePageShowsChannelsAndReasons(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await PostManyAsync(app, "美妆", 3);
        await app.TrainAsync();
        var visitor = app.CreateClient();

        var feed = await visitor.FeedAsync();
        var home = await visitor.GetStringAsync("/");
        var english = await visitor.GetStringAsync("/?channel=beauty&culture=en");

        Assert.NotEmpty(feed);
        Assert.All(feed, i => Assert.False(string.IsNullOrEmpty(i.Reason)));
        Assert.Contains("data-testid=\"tab-discover:recommend\"", home);
        Assert.Contains(">美妆</a>", home);
        Assert.Contains("class=\"note-reason\"", home);
        Assert.Contains(">Beauty</a>", english);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_OnceEverythingWasShown_OffersWhatWasOnlySeenAgain_NeverWhatWasLiked(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        await PostManyAsync(app, "学习", 6);
        await app.TrainAsync();
        var (reader, _, _) = await app.SignUpWithInterestsAsync("学习");

        // Read the whole feed to its end.
        var shown = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await (await reader.GetAsync("/api/feed/discover" + (cursor is null ? "" : "?cursor=" + cursor))).JsonAsync();
            shown.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").GetString();
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Null(cursor);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        (await reader.PostAsync($"/api/notes/{shown[0]}/like", null)).EnsureSuccessStatusCode();
        await app.SettledAsync();

        var again = await Eventually.ValueAsync(() => reader.FeedAsync(), f => f.Count > 0 && f.All(i => i.Id != shown[0]), "a feed without the liked note");

        // Mostly what was shown before (a creator's notes held back by the per-page cap may come now too).
        Assert.True(again.Count(item => shown.Contains(item.Id)) > again.Count / 2);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discover_AfterASearch_OffersNotesRelatedToIt_AndSaysSo(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var camping = await PostManyAsync(app, "露营", 5);
        await PostManyAsync(app, "数码", 5);
        await app.TrainAsync();
        var (reader, _, _) = await app.SignUpAsync();

        var before = await SearchSignalsAsync(app);
        (await reader.GetAsync("/api/search?q=" + Uri.EscapeDataString("露营"))).EnsureSuccessStatusCode();
        await Eventually.ValueAsync(() => SearchSignalsAsync(app), count => count > before, "the search is in the signal log");

        var feed = await Eventually.ValueAsync(() => reader.FeedAsync(), f => f.Any(i => i.Reason == "与你搜索的“露营”相关"), "the search reaches the feed");
        Assert.All(feed.Where(i => i.Reason == "与你搜索的“露营”相关"), item => Assert.Contains(item.Id, camping));
    }

    private static async Task<int> SearchSignalsAsync(VermilionApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedDb>().Events.CountAsync(e => e.Kind == Vermilion.Discovery.Signals.FeedEventKind.Search);
    }

    private static async Task<List<string>> PostManyAsync(VermilionApp app, string topic, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (author, _, _) = await app.SignUpAsync();
            ids.Add(await author.PostAsync($"{topic}笔记{i}", topic));
        }

        return ids;
    }

    private static string? ChannelOf(VermilionApp app, string publicId)
    {
        var state = app.Services.GetRequiredService<FeedStateHolder>().Current!;
        var note = ShortId.TryDecode(publicId, out var id) ? state.Find(id) : null;
        return note is { Channel: >= 0 } ? state.Catalog.Channels.Channels[note.Channel].Key : null;
    }
}
