using System.Net;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class SocialTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Follow_MovesCountersOnceAndFeedsTheFollowingFeed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (reader, readerId, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("关注后可见于关注页");

        await reader.PostAsync($"/api/users/{authorId}/follow", null);
        await reader.PostAsync($"/api/users/{authorId}/follow", null);
        var feed = await (await reader.GetAsync("/api/feed/following")).JsonAsync();
        var authorSocial = await (await reader.GetAsync($"/api/users/{authorId}/social")).JsonAsync();
        var readerSocial = await (await app.CreateClient().GetAsync($"/api/users/{readerId}/social")).JsonAsync();
        var followers = await (await app.CreateClient().GetAsync($"/api/users/{authorId}/followers")).JsonAsync();

        Assert.Contains(feed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == note);
        Assert.Equal(1, authorSocial.GetProperty("followers").GetInt32());
        Assert.True(authorSocial.GetProperty("followed").GetBoolean());
        Assert.Equal(1, readerSocial.GetProperty("following").GetInt32());
        Assert.Single(followers.GetProperty("items").EnumerateArray());

        await reader.DeleteAsync($"/api/users/{authorId}/follow");
        await reader.DeleteAsync($"/api/users/{authorId}/follow");
        var after = await (await app.CreateClient().GetAsync($"/api/users/{authorId}/social")).JsonAsync();
        Assert.Equal(0, after.GetProperty("followers").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FollowingFeed_PagesEveryVisibleNoteOnce_AndFollowsEachChangeAtOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (first, firstId, _) = await app.SignUpAsync();
        var (second, secondId, _) = await app.SignUpAsync();
        var (reader, readerId, _) = await app.SignUpAsync();
        await reader.PostAsync($"/api/users/{firstId}/follow", null);
        await reader.PostAsync($"/api/users/{secondId}/follow", null);
        var expected = new List<string>();
        for (var i = 0; i < 13; i++)
        {
            expected.Add(await first.TextNoteAsync($"甲的第{i}篇"));
            expected.Add(await second.TextNoteAsync($"乙的第{i}篇", i % 4 == 0 ? "followers" : "public"));
        }

        var hidden = await first.TextNoteAsync("只给自己看", "private");
        var deleted = await second.TextNoteAsync("将被删除");
        await second.DeleteAsync($"/api/notes/{deleted}");
        var scheduled = await first.PublishIdAsync(new { type = "text", title = "明天发布", body = "正文", privacy = "public", publishAt = DateTimeOffset.UtcNow.AddDays(1) });
        expected.Reverse();

        var paged = await AllPagesAsync(reader);

        Assert.Equal(expected, paged);
        Assert.DoesNotContain(hidden, paged);
        Assert.DoesNotContain(scheduled, paged);

        var fresh = await second.TextNoteAsync("刚刚发布");
        Assert.Equal(fresh, (await AllPagesAsync(reader))[0]);

        // The reader's own like shows on the next page at once, count and heart, and so does taking it back.
        (await reader.PostAsync($"/api/notes/{fresh}/like", null)).EnsureSuccessStatusCode();
        var liked = (await (await reader.GetAsync("/api/feed/following")).JsonAsync()).GetProperty("items")[0];
        Assert.True(liked.GetProperty("liked").GetBoolean());
        Assert.Equal(1, liked.GetProperty("likeCount").GetInt32());
        (await reader.DeleteAsync($"/api/notes/{fresh}/like")).EnsureSuccessStatusCode();
        var unliked = (await (await reader.GetAsync("/api/feed/following")).JsonAsync()).GetProperty("items")[0];
        Assert.False(unliked.GetProperty("liked").GetBoolean());
        Assert.Equal(0, unliked.GetProperty("likeCount").GetInt32());

        await first.DeleteAsync($"/api/notes/{expected[1]}");
        await reader.DeleteAsync($"/api/users/{secondId}/follow");
        var after = await AllPagesAsync(reader);
        Assert.Equal(expected.Where((id, i) => i != 1 && i % 2 == 1), after);

        await first.PostAsync($"/api/users/{readerId}/block", null);
        Assert.Empty(await AllPagesAsync(reader));
    }

    private static async Task<List<string>> AllPagesAsync(HttpClient reader)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await reader.GetAsync("/api/feed/following" + (cursor is null ? "" : "?cursor=" + cursor))).JsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task Follow_YourselfOrUnknown_IsAClearError()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (me, myId, _) = await app.SignUpAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsync($"/api/users/{myId}/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync("/api/users/zzzzzzzz/follow", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.PostAsync("/api/users/!!/follow", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Block_HidesNotesStopsCommentsAndFollows(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (a, aId, _) = await app.SignUpAsync();
        var (b, bId, _) = await app.SignUpAsync();
        await a.PostAsync($"/api/users/{bId}/follow", null);
        await b.PostAsync($"/api/users/{aId}/follow", null);
        var bNote = await b.TextNoteAsync("B 的笔记");

        var block = await b.PostAsync($"/api/users/{aId}/block", null);

        Assert.Equal(HttpStatusCode.NoContent, block.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/notes/{bNote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync($"/api/notes/{bNote}/comments", new { body = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsync($"/api/notes/{bNote}/like", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PostAsync($"/api/users/{bId}/follow", null)).StatusCode);
        var aNotes = await (await a.GetAsync($"/api/users/{bId}/notes")).JsonAsync();
        Assert.Equal(0, aNotes.GetProperty("items").GetArrayLength());
        var social = await (await app.CreateClient().GetAsync($"/api/users/{bId}/social")).JsonAsync();
        Assert.Equal(0, social.GetProperty("followers").GetInt32());
        Assert.Equal(0, social.GetProperty("following").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LikeAndCollect_AreIdempotentAndCounted(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (reader, readerId, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("值得收藏");

        await reader.PostAsync($"/api/notes/{note}/like", null);
        var liked = await (await reader.PostAsync($"/api/notes/{note}/like", null)).JsonAsync();
        var collected = await (await reader.PostAsJsonAsync($"/api/notes/{note}/collect", new { newBoardName = "露营灵感" })).JsonAsync();
        var again = await (await reader.PostAsync($"/api/notes/{note}/collect", null)).JsonAsync();
        var boards = await (await reader.GetAsync($"/api/users/{readerId}/boards")).JsonAsync();
        var social = await (await app.CreateClient().GetAsync($"/api/users/{authorId}/social")).JsonAsync();

        Assert.Equal(1, liked.GetProperty("likeCount").GetInt32());
        Assert.True(collected.GetProperty("collected").GetBoolean());
        Assert.Equal(1, again.GetProperty("collectCount").GetInt32());
        Assert.Contains(boards.EnumerateArray(), b => b.GetProperty("name").GetString() == "露营灵感");
        Assert.Equal(2, social.GetProperty("likesAndCollects").GetInt32());

        var unliked = await (await reader.DeleteAsync($"/api/notes/{note}/like")).JsonAsync();
        var uncollected = await (await reader.DeleteAsync($"/api/notes/{note}/collect")).JsonAsync();
        Assert.Equal(0, unliked.GetProperty("likeCount").GetInt32());
        Assert.Equal(0, uncollected.GetProperty("collectCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrivateBoard_IsSeenOnlyByItsOwner(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (owner, ownerId, _) = await app.SignUpAsync();
        var created = await (await owner.PostAsJsonAsync("/api/boards", new { name = "悄悄收藏", isPrivate = true })).JsonAsync();
        var boardId = created.GetProperty("id").GetString();

        var forOwner = await (await owner.GetAsync($"/api/users/{ownerId}/boards")).JsonAsync();
        var forOthers = await (await app.CreateClient().GetAsync($"/api/users/{ownerId}/boards")).JsonAsync();
        var notesForOthers = await app.CreateClient().GetAsync($"/api/boards/{boardId}/notes");
        var duplicate = await owner.PostAsJsonAsync("/api/boards", new { name = "悄悄收藏" });

        Assert.Contains(forOwner.EnumerateArray(), b => b.GetProperty("id").GetString() == boardId);
        Assert.DoesNotContain(forOthers.EnumerateArray(), b => b.GetProperty("id").GetString() == boardId);
        Assert.Equal(HttpStatusCode.NotFound, notesForOthers.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LatestFeed_PagesWithoutRepeatsOrGaps(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var published = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            published.Add(await author.TextNoteAsync($"第{i}篇"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await app.CreateClient().GetAsync("/api/feed/latest" + (cursor is null ? "" : "?cursor=" + cursor))).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(published), seen);
    }
}
