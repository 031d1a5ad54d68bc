using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class MessageTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Messages_BetweenMutualFollowers_AreStoredListedAndRead(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (a, aId, _) = await app.SignUpAsync();
        var (b, bId, _) = await app.SignUpAsync();
        await a.PostAsync($"/api/users/{bId}/follow", null);
        await b.PostAsync($"/api/users/{aId}/follow", null);

        var first = await a.PostAsJsonAsync($"/api/messages/{bId}", new { body = "你好，想问下露营地在哪" });
        var image = await a.UploadAsync();
        var second = await a.PostAsJsonAsync($"/api/messages/{bId}", new { imageId = image });
        var unread = await (await b.GetAsync("/api/notifications/unread")).JsonAsync();
        var list = await (await b.GetAsync("/api/messages")).JsonAsync();
        var read = await b.PostAsync($"/api/messages/{aId}/read", null);
        var thread = await (await a.GetAsync($"/api/messages/{bId}")).JsonAsync();
        var unreadAfter = await (await b.GetAsync("/api/notifications/unread")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, unread.GetProperty("messages").GetInt32());
        var conversation = Assert.Single(list.EnumerateArray());
        Assert.Equal(aId, conversation.GetProperty("peer").GetProperty("publicId").GetString());
        Assert.Equal(2, conversation.GetProperty("unreadCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var messages = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["你好，想问下露营地在哪", ""], messages.Select(m => m.GetProperty("body").GetString()));
        Assert.StartsWith("/media/", messages[1].GetProperty("imageUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(messages[1].GetProperty("id").GetString(), thread.GetProperty("peerReadUpTo").GetString());
        Assert.Equal(0, unreadAfter.GetProperty("messages").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Messages_ToSomeoneWhoDoesNotFollowYou_AreLimitedToOneUntilTheyReply(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (stranger, strangerId, _) = await app.SignUpAsync();
        var (creator, creatorId, _) = await app.SignUpAsync();

        var first = await stranger.PostAsJsonAsync($"/api/messages/{creatorId}", new { body = "请问可以合作吗" });
        var second = await stranger.PostAsJsonAsync($"/api/messages/{creatorId}", new { body = "在吗在吗" });
        var waiting = await (await stranger.GetAsync($"/api/messages/{creatorId}")).JsonAsync();
        var reply = await creator.PostAsJsonAsync($"/api/messages/{strangerId}", new { body = "可以，说说看" });
        var third = await stranger.PostAsJsonAsync($"/api/messages/{creatorId}", new { body = "太好了" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.True(waiting.GetProperty("waitingForReply").GetBoolean());
        Assert.Equal(2 - 1, waiting.GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Messages_RetriedWithTheSameClientId_AreStoredOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (a, aId, _) = await app.SignUpAsync();
        var (b, bId, _) = await app.SignUpAsync();
        await b.PostAsync($"/api/users/{aId}/follow", null);
        var clientId = Guid.NewGuid().ToString();

        var sends = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => a.PostAsJsonAsync($"/api/messages/{bId}", new { body = "只发一次", clientId })));
        var ids = new HashSet<string>();
        foreach (var response in sends)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        var thread = await (await b.GetAsync($"/api/messages/{aId}")).JsonAsync();
        Assert.Single(ids);
        Assert.Single(thread.GetProperty("messages").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Messages_AcrossABlock_AreRefusedBothWays(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (a, aId, _) = await app.SignUpAsync();
        var (b, bId, _) = await app.SignUpAsync();
        await a.PostAsync($"/api/users/{bId}/follow", null);
        await b.PostAsync($"/api/users/{aId}/follow", null);
        await b.PostAsync($"/api/users/{aId}/block", null);

        var fromBlocked = await a.PostAsJsonAsync($"/api/messages/{bId}", new { body = "为什么拉黑我" });
        var fromBlocker = await b.PostAsJsonAsync($"/api/messages/{aId}", new { body = "hi" });

        Assert.Equal(HttpStatusCode.Forbidden, fromBlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromBlocker.StatusCode);
        Assert.Empty((await (await b.GetAsync($"/api/messages/{aId}")).JsonAsync()).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task Messages_WithBadInput_AreClearErrorsAndStoreNothing()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (a, aId, _) = await app.SignUpAsync();
        var (b, bId, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var foreignImage = await other.UploadAsync();

        var empty = await a.PostAsJsonAsync($"/api/messages/{bId}", new { body = "   " });
        var tooLong = await a.PostAsJsonAsync($"/api/messages/{bId}", new { body = new string('长', 1001) });
        var notMyImage = await a.PostAsJsonAsync($"/api/messages/{bId}", new { imageId = foreignImage });
        var toMyself = await a.PostAsJsonAsync($"/api/messages/{aId}", new { body = "自言自语" });
        var toNobody = await a.PostAsJsonAsync("/api/messages/zzzzzzzzz", new { body = "有人吗" });
        var anonymous = await app.CreateClient().PostAsJsonAsync($"/api/messages/{bId}", new { body = "hi" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notMyImage.StatusCode);
        Assert.True((await notMyImage.JsonAsync()).GetProperty("errors").TryGetProperty("imageId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, toMyself.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, toNobody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await (await b.GetAsync("/api/messages")).JsonAsync()).ValueKind);
        Assert.Empty((await (await b.GetAsync("/api/messages")).JsonAsync()).EnumerateArray());
    }
}
