using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

/// <summary>What other modules get from the community: cards by id, the bulk export, the social graph, the feed seams.</summary>
public sealed class ContractTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cards_KeepTheOrderGivenAndLeaveOutWhatTheViewerMayNotSee(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (_, viewerId, _) = await app.SignUpAsync();
        var first = Id(await author.TextNoteAsync("第一篇"));
        var hidden = Id(await author.TextNoteAsync("仅自己可见", "private"));
        var second = Id(await author.TextNoteAsync("第二篇"));

        await using var scope = app.Services.CreateAsyncScope();
        var cards = await scope.ServiceProvider.GetRequiredService<INoteCards>()
            .CardsAsync([second, hidden, first, 999], Id(viewerId), new Dictionary<long, string> { [second] = "因为你关注了作者" }, CancellationToken.None);

        Assert.Equal([ShortId.Encode(second), ShortId.Encode(first)], cards.Select(c => c.Id));
        Assert.Equal("因为你关注了作者", cards[0].Reason);
        Assert.Null(cards[1].Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_ReadsNotesAndInteractionsInAStableOrder(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (reader, readerId, _) = await app.SignUpAsync();
        var note = await author.PublishIdAsync(new { type = "text", title = "导出测试", body = "#导出# 内容", city = "成都", latitude = 30.57, longitude = 104.07 });
        await reader.PostAsync($"/api/notes/{note}/like", null);
        await reader.PostAsync($"/api/notes/{note}/collect", null);
        await author.DeleteAsync($"/api/notes/{await author.TextNoteAsync("删掉的")}");

        await using var scope = app.Services.CreateAsyncScope();
        var export = scope.ServiceProvider.GetRequiredService<ICommunityExport>();
        var record = await export.NoteAsync(Id(note), CancellationToken.None);
        var all = await export.NotesAfterAsync(0, 10_000, CancellationToken.None);
        var actions = new List<InteractionRecord>();
        foreach (var kind in InteractionKinds.All)
        {
            // Pages of two, to walk the keys across pages.
            InteractionPosition? after = null;
            do
            {
                var page = await export.InteractionsAsync(kind, after, 2, CancellationToken.None);
                actions.AddRange(page.Items);
                after = page.Next;
            }
            while (after is not null);
        }


        Assert.Equal(("导出测试", "成都", 30.57, true, 1, 1), (record!.Title, record.City, record.Latitude!.Value, record.Visible, record.LikeCount, record.CollectCount));
        Assert.Equal(["导出"], record.Topics);
        Assert.Equal(all.Select(n => n.Id).Order(), all.Select(n => n.Id));
        Assert.Contains(all, n => n.AuthorId == Id(authorId) && !n.Visible);
        Assert.Equal(["collect", "like"], actions.Where(a => a.NoteId == Id(note)).Select(a => a.Kind).Order(StringComparer.Ordinal));
        Assert.All(actions.Where(a => a.NoteId == Id(note)), a => Assert.Equal(Id(readerId), a.UserId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SocialGraph_KnowsFollowsAndBlocksBothWays(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (a, aId, _) = await app.SignUpAsync();
        var (_, bId, _) = await app.SignUpAsync();
        var (c, cId, _) = await app.SignUpAsync();
        await a.PostAsync($"/api/users/{bId}/follow", null);
        await c.PostAsync($"/api/users/{aId}/block", null);

        await using var scope = app.Services.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<ISocialGraph>();

        Assert.Equal([Id(bId)], await graph.FollowingAsync(Id(aId), CancellationToken.None));
        Assert.Contains(Id(cId), await graph.BlockedEitherWayAsync(Id(aId), CancellationToken.None));
        Assert.Contains(Id(aId), await graph.BlockedEitherWayAsync(Id(cId), CancellationToken.None));
    }

    [Fact]
    public async Task HomeFeeds_ShowANewNoteToVisitors_AndRefuseBadPlaces()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("首页可见");

        // The discovery feed hears of the note through its event, a moment after it is published.
        var discover = await Eventually.ValueAsync(
            async () => await (await app.CreateClient().GetAsync("/api/feed/discover")).JsonAsync(),
            page => page.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("id").GetString() == note), "the note reaches the feed");
        var nearby = await app.CreateClient().GetAsync("/api/feed/nearby?lat=30.2&lng=120.1");
        var badPlace = await app.CreateClient().GetAsync("/api/feed/nearby?lat=300&lng=120");
        var home = await app.CreateClient().GetAsync("/?tab=nearby");

        Assert.Contains(discover.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetString() == note);
        Assert.Equal(HttpStatusCode.OK, nearby.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPlace.StatusCode);
        Assert.Contains("data-testid=\"nearby-hint\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static long Id(string shortId) => ShortId.TryDecode(shortId, out var id) ? id : -1;
}
