using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

/// <summary>
/// A note's page is shared: anonymous readers get one rendering, signed-in readers the shared view with their own
/// bits. Sharing must never show a reader something stale after a change made through the platform, nor someone
/// else's bits.
/// </summary>
public sealed class NotePageSharingTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousPage_IsOneSharedRendering_WithoutTokenOrCookie(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("分享给所有人的一页");
        var reader = app.CreateClient();

        var first = await reader.GetAsync($"/explore/{note}");
        var html = await first.Content.ReadAsStringAsync();
        // Changed behind the platform's back, and the shared view forgotten: only the rendering itself is left to
        // show the old title, and it does.
        await SetTitleDirectlyAsync(app, note, "数据库里改过的标题");
        Assert.True(ShortId.TryDecode(note, out var id));
        app.Root.GetRequiredService<Notes.SharedNotes>().Forget(id);
        var second = await (await reader.GetAsync($"/explore/{note}")).Content.ReadAsStringAsync();
        var english = await (await reader.GetAsync($"/explore/{note}?culture=en")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.DoesNotContain("request-verification-token", html);
        Assert.Contains("分享给所有人的一页", second);
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("<html lang=\"zh-CN\"", second);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousPage_IsDrawnAfresh_WhenTheNoteChangesThroughThePlatform(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (fan, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("改之前的标题");
        var reader = app.CreateClient();
        await reader.GetAsync($"/explore/{note}");
        await reader.GetAsync($"/explore/{note}?sort=latest");

        (await author.PatchAsJsonAsync($"/api/notes/{note}", new { title = "改之后的标题" })).EnsureSuccessStatusCode();
        var edited = await (await reader.GetAsync($"/explore/{note}")).Content.ReadAsStringAsync();
        (await fan.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "刚发的评论" })).EnsureSuccessStatusCode();
        var commented = await (await reader.GetAsync($"/explore/{note}?sort=latest")).Content.ReadAsStringAsync();
        (await author.DeleteAsync($"/api/notes/{note}")).EnsureSuccessStatusCode();
        var deleted = await reader.GetAsync($"/explore/{note}");

        Assert.Contains("改之后的标题", edited);
        Assert.Contains("刚发的评论", commented);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignedInReaders_SeeTheirOwnBits_OnTheSharedView(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (liker, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var (troll, trollId, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("大家来点赞");
        (await troll.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "捣乱的评论" })).EnsureSuccessStatusCode();
        var friendly = (await (await other.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "友好的评论" })).JsonAsync()).GetProperty("id").GetString();
        // Everyone reads first, so the view every reader shares is built before the changes below.
        foreach (var client in new[] { liker, other, app.CreateClient() })
        {
            (await client.GetAsync($"/explore/{note}")).EnsureSuccessStatusCode();
        }

        (await liker.PostAsync($"/api/notes/{note}/like", null)).EnsureSuccessStatusCode();
        (await liker.PostAsync($"/api/users/{authorId}/follow", null)).EnsureSuccessStatusCode();
        (await liker.PostAsync($"/api/comments/{friendly}/like", null)).EnsureSuccessStatusCode();
        (await other.PostAsync($"/api/users/{trollId}/block", null)).EnsureSuccessStatusCode();
        var likerPage = await (await liker.GetAsync($"/explore/{note}")).Content.ReadAsStringAsync();
        var otherPage = await (await other.GetAsync($"/explore/{note}")).Content.ReadAsStringAsync();
        var anonymousPage = await (await app.CreateClient().GetAsync($"/explore/{note}")).Content.ReadAsStringAsync();
        var likerApi = await (await liker.GetAsync($"/api/notes/{note}")).JsonAsync();
        var otherApi = await (await other.GetAsync($"/api/notes/{note}")).JsonAsync();

        Assert.True(likerApi.GetProperty("liked").GetBoolean());
        Assert.True(likerApi.GetProperty("followingAuthor").GetBoolean());
        Assert.Equal(1, likerApi.GetProperty("likeCount").GetInt32());
        Assert.False(otherApi.GetProperty("liked").GetBoolean());
        Assert.False(otherApi.GetProperty("followingAuthor").GetBoolean());
        Assert.Contains("aria-pressed=\"true\" aria-label", likerPage);
        Assert.Contains("data-following=\"true\"", likerPage);
        Assert.DoesNotContain("aria-pressed=\"true\" aria-label", otherPage);
        Assert.Contains("<span data-like-count>1</span>", anonymousPage);
        Assert.DoesNotContain("捣乱的评论", otherPage);
        Assert.Contains("友好的评论", otherPage);
        Assert.Contains("捣乱的评论", likerPage);
        Assert.Contains($"like-comment on\" data-like-comment=\"{friendly}\" aria-pressed=\"true\"", likerPage);
        Assert.Contains($"like-comment \" data-like-comment=\"{friendly}\" aria-pressed=\"false\"", otherPage);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignedInPages_HandOutOneTokenPerBrowserAndPerson_ThatOnlyItsPersonCanUse(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, first) = await app.SignUpAsync();
        var (_, _, second) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("带令牌的一页");
        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await browser.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = first, ["Password"] = ApiClient.Password });

        var page = await browser.GetAsync($"/explore/{note}");
        var again = await browser.GetAsync($"/explore/{note}");
        var token = Forms.Token(await page.Content.ReadAsStringAsync());
        var sameToken = Forms.Token(await again.Content.ReadAsStringAsync());
        var comment = await browser.PostAsync($"/explore/{note}?handler=Comment", new FormUrlEncodedContent(
            [new("body", "用同一个令牌发的评论"), new("__RequestVerificationToken", sameToken)]));
        // The same browser, now someone else: the first person's token must not work for them.
        await browser.PostFormAsync("/account/signout", new Dictionary<string, string>());
        await browser.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = second, ["Password"] = ApiClient.Password });
        var theirs = Forms.Token(await browser.GetStringAsync($"/explore/{note}"));
        var forged = await browser.PostAsync($"/explore/{note}?handler=Comment", new FormUrlEncodedContent(
            [new("body", "别人的令牌"), new("__RequestVerificationToken", token)]));
        // The first person again, in a new session: the token their new pages carry must work.
        await browser.PostFormAsync("/account/signout", new Dictionary<string, string>());
        await browser.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = first, ["Password"] = ApiClient.Password });
        var back = await browser.PostFormAsync($"/explore/{note}", new Dictionary<string, string> { ["body"] = "换了会话再发的评论" }, $"/explore/{note}?handler=Comment");

        Assert.Equal(token, sameToken);
        Assert.True(again.Headers.CacheControl is { NoStore: true, NoCache: true });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        Assert.NotEqual(token, theirs);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var comments = await (await author.GetAsync($"/api/notes/{note}/comments?sort=latest")).Content.ReadAsStringAsync();
        Assert.Contains("用同一个令牌发的评论", comments);
        Assert.DoesNotContain("别人的令牌", comments);
        Assert.Contains("换了会话再发的评论", comments);
    }

    private static async Task SetTitleDirectlyAsync(VermilionApp app, string note, string title)
    {
        Assert.True(ShortId.TryDecode(note, out var id));
        using var scope = app.Root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.Title, title));
    }
}
