using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>The search API end to end on both databases: the index follows the community's events.</summary>
public sealed class SearchApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublishedNote_IsFoundWithinSeconds_AndGoneWhenDeleted(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var reader = app.CreateClient();
        var id = await author.PublishTextAsync("露营装备清单", "第一次去山里露营，帐篷和睡袋怎么选");

        await reader.EventuallyAsync("帐篷睡袋", found => found.Contains(id), "the new note is found");
        var page = await reader.SearchAsync("帐篷");
        var hit = page.GetProperty("notes")[0];
        Assert.Contains("<em>帐篷</em>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/notes/{id}")).StatusCode);
        await reader.EventuallyAsync("帐篷睡袋", found => !found.Contains(id), "the deleted note is gone");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Edits_AreReindexed_AndAPrivateNoteIsFoundOnlyByItsAuthor(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (reader, _, _) = await app.SignUpAsync();
        var id = await author.PublishTextAsync("阳台花园", "种了薄荷和罗勒");
        await reader.EventuallyAsync("罗勒", found => found.Contains(id), "the note is found");

        var edit = await author.PatchAsJsonAsync($"/api/notes/{id}", new { body = "种了迷迭香和百里香", privacy = "private" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        await reader.EventuallyAsync("罗勒", found => !found.Contains(id), "the old words no longer find it");
        await author.EventuallyAsync("迷迭香", found => found.Contains(id), "its author finds the private note by its new words");
        Assert.DoesNotContain(id, await reader.FoundAsync("迷迭香"));
        Assert.DoesNotContain(id, await app.CreateClient().FoundAsync("迷迭香"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BlockedPeople_NeverSeeEachOthersNotes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (reader, _, _) = await app.SignUpAsync();
        var id = await author.PublishTextAsync("手冲咖啡入门", "磨豆机和手冲壶的选择");
        await reader.EventuallyAsync("手冲壶", found => found.Contains(id), "the note is found before the block");

        Assert.Equal(HttpStatusCode.NoContent, (await reader.PostAsync($"/api/users/{authorId}/block", null)).StatusCode);

        Assert.DoesNotContain(id, await reader.FoundAsync("手冲壶"));
        Assert.DoesNotContain(id, await reader.FoundAsync("手冲壶", "&sort=latest"));
        Assert.Contains(id, await app.CreateClient().FoundAsync("手冲壶"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_IsAProblemWithFieldErrors(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();

        foreach (var (query, field) in new[]
        {
            ("", "q"), ("?q=%20", "q"), ("?q=" + new string('长', 101), "q"), ("?q=a&sort=hottest", "sort"), ("?q=a&type=shops", "type"),
            ("?q=a&cursor=%25%25", "cursor"), ("?q=a&cursor=AAAA", "cursor"), ("?q=a&noteType=gif", "noteType"), ("?q=a&time=year", "time"),
        })
        {
            var response = await client.GetAsync("/api/search" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{query} names {field}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Suggestions_HotSearchesAndHistory(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (me, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        await author.PublishTextAsync("蜂蜜柚子茶做法", "#冬日饮品# 蜂蜜和柚子皮慢慢熬");
        await me.EventuallyAsync("柚子皮", found => found.Count > 0, "the note is indexed");
        await me.SearchAsync("蜂蜜柚子茶");
        await other.SearchAsync("蜂蜜柚子茶");
        await me.SearchAsync("柚子皮");

        var history = await Eventually.ValueAsync(async () => await me.GetFromJsonAsync<List<string>>("/api/search/history") ?? [],
            h => h.Contains("蜂蜜柚子茶") && h.FirstOrDefault() == "柚子皮", "my searches are in my history, the latest first");
        Assert.Equal("柚子皮", history[0]);
        await Eventually.ValueAsync(async () => await me.GetFromJsonAsync<List<HotView>>("/api/search/hot") ?? [],
            hot => hot.Any(h => h.Text == "蜂蜜柚子茶"), "a query two people searched is hot");

        await app.Services.GetRequiredService<ISearchIndexMaintenance>().RefreshNowAsync(learn: false, CancellationToken.None);
        var suggestions = await me.GetFromJsonAsync<List<SuggestionView>>("/api/search/suggest?q=" + Uri.EscapeDataString("蜂蜜"));
        Assert.Contains(suggestions!, s => s.Text == "蜂蜜柚子茶做法");
        Assert.Contains(suggestions!, s => s.Text == "蜂蜜柚子茶" && s.Kind == "query");
        Assert.All(suggestions!, s => Assert.StartsWith("<em>蜂蜜</em>", s.Html, StringComparison.Ordinal));
        var topics = await me.SearchAsync("冬日", "&type=topics");
        Assert.Equal("冬日饮品", topics.GetProperty("topics")[0].GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync("/api/search/history/item?q=" + Uri.EscapeDataString("柚子皮"))).StatusCode);
        var left = await me.GetFromJsonAsync<List<string>>("/api/search/history");
        Assert.DoesNotContain("柚子皮", left!);
        Assert.Contains("蜂蜜柚子茶", left!);
        Assert.Equal(HttpStatusCode.NotFound, (await me.DeleteAsync("/api/search/history/item?q=" + Uri.EscapeDataString("柚子皮"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.DeleteAsync("/api/search/history")).StatusCode);
        Assert.Empty((await me.GetFromJsonAsync<List<string>>("/api/search/history"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/search/history")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task People_AreFoundByUsernameAndByWhatTheyWrite(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, username) = await app.SignUpAsync();
        await author.PublishTextAsync("油画棒入门", "油画棒叠色技巧");
        await app.CreateClient().EventuallyAsync("油画棒", found => found.Count > 0, "the note is indexed");

        var byWords = await app.CreateClient().SearchAsync("油画棒", "&type=users");
        var byName = await app.CreateClient().SearchAsync(username, "&type=users");

        Assert.Equal(authorId, byWords.GetProperty("people")[0].GetProperty("user").GetProperty("publicId").GetString());
        Assert.Equal(authorId, byName.GetProperty("people")[0].GetProperty("user").GetProperty("publicId").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reindex_RebuildsTheIndexFromTheCommunity(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var id = await author.PublishTextAsync("紫砂壶开壶", "第一次开壶用豆腐煮");
        await app.CreateClient().EventuallyAsync("紫砂壶", found => found.Contains(id), "the note is indexed");

        var report = await app.Services.GetRequiredService<ISearchIndexMaintenance>().ReindexAsync(null, CancellationToken.None);

        Assert.True(report.Notes >= 1);
        Assert.Contains(id, await app.CreateClient().FoundAsync("紫砂壶"));
    }

    private sealed record HotView(int Rank, string Text, double Heat);

    private sealed record SuggestionView(string Text, string Kind, string Html);
}
