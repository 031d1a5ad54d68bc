using System.Net;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class CommentTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Thread_RepliesPinsLikesAndDeletes(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, authorName) = await app.SignUpAsync();
        var (reader, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("欢迎评论");

        var first = (await (await reader.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = $"第一条 @{authorName}" })).JsonAsync()).GetProperty("id").GetString();
        var second = (await (await other.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "第二条" })).JsonAsync()).GetProperty("id").GetString();
        var reply = await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "谢谢！", replyTo = first });
        var readerPin = await reader.PostAsync($"/api/comments/{first}/pin", null);
        var pin = await author.PostAsync($"/api/comments/{first}/pin", null);
        var like = await (await other.PostAsync($"/api/comments/{second}/like", null)).JsonAsync();
        var thread = await (await app.CreateClient().GetAsync($"/api/notes/{note}/comments")).JsonAsync();
        var items = thread.GetProperty("items");

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerPin.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, pin.StatusCode);
        Assert.Equal(1, like.GetProperty("likeCount").GetInt32());
        Assert.Equal(first, items[0].GetProperty("id").GetString());
        Assert.True(items[0].GetProperty("pinned").GetBoolean());
        Assert.Equal("谢谢！", items[0].GetProperty("replies")[0].GetProperty("body").GetString());
        Assert.True(items[0].GetProperty("replies")[0].GetProperty("byNoteAuthor").GetBoolean());
        Assert.Equal(3, (await (await app.CreateClient().GetAsync($"/api/notes/{note}")).JsonAsync()).GetProperty("commentCount").GetInt32());

        var foreignDelete = await other.DeleteAsync($"/api/comments/{first}");
        var authorDelete = await author.DeleteAsync($"/api/comments/{second}");
        Assert.Equal(HttpStatusCode.Forbidden, foreignDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, authorDelete.StatusCode);
        Assert.Equal(2, (await (await app.CreateClient().GetAsync($"/api/notes/{note}")).JsonAsync()).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task BadComments_AreFieldErrors()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("评论校验");

        var empty = await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "   " });
        var tooLong = await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = new string('评', 501) });
        var badReply = await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "x", replyTo = "zzzz" });
        var missingNote = await author.PostAsJsonAsync("/api/notes/zzzzzz/comments", new { body = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingNote.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Thread_LoadsMoreAsHtmlFragments_WithPicturesAndScriptRenderedInert(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (reader, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("评论很多的笔记");
        var picture = await reader.UploadAsync();
        var withPicture = await reader.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = "<script>alert(1)</script>看图", imageId = picture });
        string? parent = null;
        for (var i = 0; i < 22; i++)
        {
            var id = (await (await reader.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = $"第 {i} 条" })).JsonAsync()).GetProperty("id").GetString();
            parent ??= id;
        }

        for (var i = 0; i < 4; i++)
        {
            await author.PostAsJsonAsync($"/api/notes/{note}/comments", new { body = $"回复 {i}", replyTo = parent });
        }

        var first = await (await app.CreateClient().GetAsync($"/api/notes/{note}/comments?sort=latest")).JsonAsync();
        var cursor = first.GetProperty("next").GetString();
        var more = await app.CreateClient().GetAsync($"/fragments/comments?note={note}&sort=latest&cursor={Uri.EscapeDataString(cursor!)}");
        var moreHtml = await more.Content.ReadAsStringAsync();
        var replies = await (await app.CreateClient().GetAsync($"/fragments/comments?replies={parent}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, withPicture.StatusCode);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Equal(3, moreHtml.Split("class=\"comment \"", StringSplitOptions.None).Length - 1);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;看图", moreHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", moreHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"comment-image\"", moreHtml, StringComparison.Ordinal);
        Assert.Equal(4, replies.Split("class=\"comment reply", StringSplitOptions.None).Length - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/fragments/comments?replies=zzzz")).StatusCode);
    }
}
