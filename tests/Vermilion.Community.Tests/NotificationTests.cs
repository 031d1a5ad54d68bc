using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class NotificationTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Likes_OfOneNote_GatherIntoOneLineCountingEachPersonOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("大家的赞汇成一条");
        var fans = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            fans.Add((await app.SignUpAsync()).Client);
        }

        foreach (var fan in fans)
        {
            await fan.PostAsync($"/api/notes/{note}/like", null);
        }

        await fans[0].DeleteAsync($"/api/notes/{note}/like");
        await fans[0].PostAsync($"/api/notes/{note}/like", null);
        await author.PostAsync($"/api/notes/{note}/like", null);

        var line = await Eventually.ValueAsync(
            async () => Lines(await ListAsync(author, "likes")).FirstOrDefault(),
            l => l.ValueKind == JsonValueKind.Object && l.GetProperty("actorCount").GetInt32() == 3,
            "three people in one like line");
        Assert.Single(Lines(await ListAsync(author, "likes")));
        Assert.Equal("like", line.GetProperty("type").GetString());
        Assert.Contains("和其他 2 人赞了你的笔记", line.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(note, line.GetProperty("noteId").GetString());
        Assert.True(line.GetProperty("unread").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reading_ClosesTheLine_AndTheNextLikeStartsANewOne(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("读过之后重新计数");
        var (first, _, _) = await app.SignUpAsync();
        var (second, _, _) = await app.SignUpAsync();
        await first.PostAsync($"/api/notes/{note}/like", null);
        await Eventually.ValueAsync(async () => (await UnreadAsync(author)).GetProperty("likes").GetInt32(), n => n == 1, "one unread like line");

        var read = await author.PostAsync("/api/notifications/read?category=likes", null);
        var afterRead = await UnreadAsync(author);
        await second.PostAsync($"/api/notes/{note}/like", null);
        await Eventually.ValueAsync(async () => Lines(await ListAsync(author, "likes")).Count, n => n == 2, "a second like line");
        var lines = Lines(await ListAsync(author, "likes"));

        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(0, afterRead.GetProperty("notifications").GetInt32());
        Assert.True(lines[0].GetProperty("unread").GetBoolean());
        Assert.False(lines[1].GetProperty("unread").GetBoolean());
        Assert.All(lines, l => Assert.Equal(1, l.GetProperty("actorCount").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Comments_RepliesAndMentions_ReachTheRightPeople(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (commenter, _, _) = await app.SignUpAsync();
        var (friend, _, friendName) = await app.SignUpAsync();
        var note = await author.PublishIdAsync(new { type = "text", title = "评论通知", body = $"感谢 @{friendName} 的推荐" });

        var comment = await (await commenter.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = $"同问 @{friendName}" })).JsonAsync();
        var commentId = comment.GetProperty("id").GetString();
        await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "谢谢支持", replyTo = commentId });

        var authorLines = await Eventually.ValueAsync(async () => Lines(await ListAsync(author, "comments")), l => l.Count == 1, "the author hears of the comment");
        var commenterLines = await Eventually.ValueAsync(async () => Lines(await ListAsync(commenter, "comments")), l => l.Count == 1, "the commenter hears of the reply");
        var friendLines = await Eventually.ValueAsync(async () => Lines(await ListAsync(friend, "comments")), l => l.Count == 2, "the friend hears of both mentions");

        Assert.Equal("comment", authorLines[0].GetProperty("type").GetString());
        Assert.Equal($"同问 @{friendName}", authorLines[0].GetProperty("excerpt").GetString());
        Assert.Equal($"/explore/{note}#comment-{commentId}", authorLines[0].GetProperty("link").GetString());
        Assert.Equal("reply", commenterLines[0].GetProperty("type").GetString());
        Assert.Equal(["comment_mention", "mention"], friendLines.Select(l => l.GetProperty("type").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Follows_GatherAndBlockedPeopleNotifyNobody(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (star, starId, _) = await app.SignUpAsync();
        var (troll, trollId, _) = await app.SignUpAsync();
        await star.PostAsync($"/api/users/{trollId}/block", null);
        var note = await star.TextNoteAsync("拉黑的人不会打扰你");
        for (var i = 0; i < 2; i++)
        {
            await (await app.SignUpAsync()).Client.PostAsync($"/api/users/{starId}/follow", null);
        }

        await troll.PostAsync($"/api/users/{starId}/follow", null);
        await troll.PostAsync($"/api/notes/{note}/like", null);

        var follows = await Eventually.ValueAsync(async () => Lines(await ListAsync(star, "follows")), l => l.Count == 1 && l[0].GetProperty("actorCount").GetInt32() == 2, "two followers in one line");
        Assert.Contains("和其他 1 人开始关注你了", follows[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(Lines(await ListAsync(star, "likes")));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Notices_FromOtherModules_AreStoredOnceAndReadInTheReadersLanguage(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (buyer, buyerId, _) = await app.SignUpAsync();
        var userId = ShortId.TryDecode(buyerId, out var id) ? id : 0;
        var notice = new Notice(userId, INotifier.Orders, "community.notification.like", ["商家"], "/orders/1", "order-shipped:" + buyerId);

        for (var i = 0; i < 2; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(notice, CancellationToken.None);
        }

        var lines = Lines(await ListAsync(buyer, "system"));
        var english = await (await buyer.GetAsync("/api/notifications?category=system&culture=en")).JsonAsync();
        var line = Assert.Single(lines);
        Assert.Equal("order", line.GetProperty("type").GetString());
        Assert.Equal("商家 赞了你的笔记", line.GetProperty("text").GetString());
        Assert.Equal("/orders/1", line.GetProperty("link").GetString());
        Assert.Equal("商家 liked your note", english.GetProperty("items")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Notifications_WithAnUnknownCategory_AreAClearError()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (me, _, _) = await app.SignUpAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await me.GetAsync("/api/notifications?category=spam")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsync("/api/notifications/read?category=spam", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/notifications")).StatusCode);
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string category) =>
        await (await client.GetAsync($"/api/notifications?category={category}")).JsonAsync();

    private static async Task<JsonElement> UnreadAsync(HttpClient client) => await (await client.GetAsync("/api/notifications/unread")).JsonAsync();

    private static List<JsonElement> Lines(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
