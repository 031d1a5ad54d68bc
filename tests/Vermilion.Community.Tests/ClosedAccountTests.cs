using System.Net;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class ClosedAccountTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClosingAnAccount_WithdrawsItsNotesAndFollowsAndStopsEverythingItDid(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (leaver, leaverId, leaverName) = await app.SignUpAsync();
        var (friend, friendId, _) = await app.SignUpAsync();
        var note = await leaver.TextNoteAsync("告别之前的笔记");
        var friendNote = await friend.TextNoteAsync("朋友的笔记");
        await leaver.PostAsync($"/api/users/{friendId}/follow", null);
        await friend.PostAsync($"/api/users/{leaverId}/follow", null);
        await leaver.PostAsJsonAsync($"/api/notes/{friendNote}/comments", new { body = "写得好" });

        var wrongPassword = await leaver.PostAsJsonAsync("/api/me/close", new { password = "not-my-password" });
        var close = await leaver.PostAsJsonAsync("/api/me/close", new { password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.PostAsJsonAsync("/api/notes", new { type = "text", title = "还想发" })).StatusCode);
        var signIn = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = leaverName, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.GetAsync($"/api/users/{leaverId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.PostAsJsonAsync($"/api/messages/{leaverId}", new { body = "你还在吗" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.PostAsync($"/api/users/{leaverId}/follow", null)).StatusCode);

        await Eventually.ValueAsync(async () => (await friend.GetAsync($"/api/notes/{note}")).StatusCode, s => s == HttpStatusCode.NotFound, "the note is withdrawn");
        var friendSocial = await Eventually.ValueAsync(
            async () => await (await friend.GetAsync($"/api/users/{friendId}/social")).JsonAsync(),
            s => s.GetProperty("followers").GetInt32() == 0 && s.GetProperty("following").GetInt32() == 0,
            "the follows in both directions end");
        var comment = (await (await friend.GetAsync($"/api/notes/{friendNote}/comments")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal("已注销用户", comment.GetProperty("author").GetProperty("nickname").GetString());
        Assert.True(comment.GetProperty("author").GetProperty("closed").GetBoolean());
        Assert.Equal(0, friendSocial.GetProperty("followers").GetInt32());
    }
}
