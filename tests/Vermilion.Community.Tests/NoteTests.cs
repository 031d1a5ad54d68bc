using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class NoteTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImageNote_IsPublishedWithItsTopicsPlaceAndCover(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var first = await author.UploadAsync(TestImages.Png(60, 80));
        var second = await author.UploadAsync(TestImages.Png(90, 60, 10, 10, 10));

        var note = await author.PublishAsync(new { type = "image", title = "周末露营", body = "#露营# 带上 #咖啡 出发", mediaIds = new[] { first, second }, coverIndex = 1, city = "杭州", place = "西湖", latitude = 30.25, longitude = 120.15 });
        var seen = await (await app.CreateClient().GetAsync($"/api/notes/{note.GetProperty("id").GetString()}")).JsonAsync();

        Assert.Equal("周末露营", seen.GetProperty("title").GetString());
        Assert.Equal(2, seen.GetProperty("media").GetArrayLength());
        Assert.Equal(seen.GetProperty("media")[1].GetProperty("url").GetString(), seen.GetProperty("coverUrl").GetString());
        Assert.Equal(["露营", "咖啡"], seen.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).Order().Reverse());
        Assert.Equal("西湖", seen.GetProperty("place").GetString());
        var topic = await (await app.CreateClient().GetAsync("/api/topics/" + Uri.EscapeDataString("露营") + "?sort=latest")).JsonAsync();
        Assert.True(topic.GetProperty("noteCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task TextCard_GetsADrawnCoverThatCarriesNoMarkup()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();

        var note = await author.PublishAsync(new { type = "text", title = "<script>x</script>", body = "今天也要开心", cardStyle = 2 });
        var coverUrl = note.GetProperty("coverUrl").GetString()!;
        var cover = await app.CreateClient().GetByteArrayAsync(coverUrl);
        var card = await app.CreateClient().GetAsync(Renditions.Url(coverUrl, Rendition.Card));

        Assert.EndsWith(".webp", coverUrl, StringComparison.Ordinal);
        Assert.Equal(ImageFormat.WebP, ImageInspector.Detect(cover));
        Assert.DoesNotContain("<script>", System.Text.Encoding.Latin1.GetString(cover), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadNotes_AreFieldErrorsAndCreateNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (stranger, _, _) = await app.SignUpAsync();
        var image = await author.UploadAsync();
        var strangersImage = await stranger.UploadAsync();
        var nineteen = new List<string>();
        for (var i = 0; i < 19; i++)
        {
            nineteen.Add(await author.UploadAsync(TestImages.Png(20 + i, 20)));
        }

        var cases = new (object Body, string Field)[]
        {
            (new { type = "image", title = new string('字', 21), mediaIds = new[] { image } }, "title"),
            (new { type = "image", title = "ok", body = new string('长', 1001), mediaIds = new[] { image } }, "body"),
            (new { type = "image", title = "ok", mediaIds = nineteen }, "mediaIds"),
            (new { type = "image", title = "ok", mediaIds = Array.Empty<string>() }, "mediaIds"),
            (new { type = "image", title = "ok", mediaIds = new[] { strangersImage } }, "mediaIds"),
            (new { type = "image", title = "ok", mediaIds = new[] { image }, coverIndex = 3 }, "coverIndex"),
            (new { type = "text", title = "", body = "" }, "title"),
            (new { type = "poem", title = "ok" }, "type"),
            (new { type = "text", title = "ok", privacy = "friends" }, "privacy"),
            (new { type = "text", title = "ok", latitude = 91.0, longitude = 10.0 }, "latitude"),
            (new { type = "text", title = "ok", publishAt = DateTimeOffset.UtcNow.AddDays(30) }, "publishAt"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await author.PostAsJsonAsync("/api/notes", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}");
        }

        var notes = await (await app.CreateClient().GetAsync($"/api/users/{authorId}/notes")).JsonAsync();
        Assert.Equal(0, notes.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditAndDelete_OnlyByTheAuthor(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var id = await author.TextNoteAsync("原来的标题");

        var foreignEdit = await other.PatchAsJsonAsync($"/api/notes/{id}", new { title = "改掉" });
        var foreignDelete = await other.DeleteAsync($"/api/notes/{id}");
        var edit = await author.PatchAsJsonAsync($"/api/notes/{id}", new { title = "新的标题", body = "补充 #新话题" });
        var edited = await (await app.CreateClient().GetAsync($"/api/notes/{id}")).JsonAsync();
        var delete = await author.DeleteAsync($"/api/notes/{id}");
        var gone = await app.CreateClient().GetAsync($"/api/notes/{id}");
        var unknown = await author.PatchAsJsonAsync("/api/notes/zzzzzz", new { title = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, foreignEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignDelete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("新的标题", edited.GetProperty("title").GetString());
        Assert.NotEqual(JsonValueKindNull(), edited.GetProperty("editedAt").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Privacy_FollowersAndOnlyMe_AreRespected(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var (follower, _, _) = await app.SignUpAsync();
        var (stranger, _, _) = await app.SignUpAsync();
        await follower.PostAsync($"/api/users/{authorId}/follow", null);
        var forFollowers = await author.TextNoteAsync("粉丝可见", "followers");
        var forMe = await author.TextNoteAsync("仅自己", "private");

        Assert.Equal(HttpStatusCode.OK, (await follower.GetAsync($"/api/notes/{forFollowers}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/notes/{forFollowers}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/notes/{forFollowers}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await follower.GetAsync($"/api/notes/{forMe}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/api/notes/{forMe}")).StatusCode);
        var latest = await (await stranger.GetAsync("/api/feed/latest")).JsonAsync();
        Assert.DoesNotContain(latest.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() is var x && (x == forFollowers || x == forMe));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HiddenNote_IsNotFoundOnEveryNoteRoute_LikeAMissingOne(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (stranger, _, _) = await app.SignUpAsync();
        var forMe = await author.TextNoteAsync("仅自己", "private");
        var forFollowers = await author.TextNoteAsync("粉丝可见", "followers");

        foreach (var id in new[] { forMe, forFollowers, "zzzzzz" })
        {
            var answers = new[]
            {
                await stranger.PostAsync($"/api/notes/{id}/not-interested", null),
                await stranger.DeleteAsync($"/api/notes/{id}/like"),
                await stranger.DeleteAsync($"/api/notes/{id}/collect"),
                await stranger.PatchAsJsonAsync($"/api/notes/{id}", new { title = "改掉" }),
                await stranger.PostAsJsonAsync($"/api/notes/{id}/publish", new { }),
                await stranger.DeleteAsync($"/api/notes/{id}"),
            };
            foreach (var answer in answers)
            {
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.Equal(404, (await answer.JsonAsync()).GetProperty("status").GetInt32());
            }
        }

        // A like given while the note was public can still be taken back after it turned private.
        var (reader, _, _) = await app.SignUpAsync();
        var turned = await author.TextNoteAsync("先公开后私密");
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsync($"/api/notes/{turned}/like", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await author.PatchAsJsonAsync($"/api/notes/{turned}", new { privacy = "private" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.DeleteAsync($"/api/notes/{turned}/like")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.DeleteAsync($"/api/notes/{turned}/like")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DraftsAndScheduledNotes_AppearOnlyWhenPublished(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var draft = await author.PublishIdAsync(new { type = "text", title = "草稿", draft = true });
        var scheduled = await author.PublishIdAsync(new { type = "text", title = "定时", publishAt = DateTimeOffset.UtcNow.AddSeconds(90) });

        var draftBefore = await app.CreateClient().GetAsync($"/api/notes/{draft}");
        var ownDraft = await (await author.GetAsync($"/api/notes/{draft}")).JsonAsync();
        var scheduledBefore = await app.CreateClient().GetAsync($"/api/notes/{scheduled}");
        await author.PostAsJsonAsync($"/api/notes/{draft}/publish", new { });
        var draftAfter = await app.CreateClient().GetAsync($"/api/notes/{draft}");

        Assert.Equal(HttpStatusCode.NotFound, draftBefore.StatusCode);
        Assert.Equal("draft", ownDraft.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, scheduledBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, draftAfter.StatusCode);
        var notes = await (await app.CreateClient().GetAsync($"/api/users/{authorId}/notes")).JsonAsync();
        Assert.Single(notes.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ScheduledNote_IsPublishedWhenItsTimeComes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await VermilionApp.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        var (author, _, _) = await app.SignUpAsync();
        var id = await author.PublishIdAsync(new { type = "text", title = "定时", publishAt = clock.GetUtcNow().AddHours(2) });

        clock.Advance(TimeSpan.FromHours(3));
        var published = await app.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None);

        Assert.Equal(1, published);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/api/notes/{id}")).StatusCode);
    }

    [Fact]
    public async Task Upload_ScriptOrTruncatedImage_IsRefused()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();

        var script = await author.PostAsync("/api/media", new StringContent("<script>alert(1)</script>"));
        var truncated = await author.PostAsync("/api/media", new ByteArrayContent(TestImages.Png(50, 50)[..60]));
        var anonymous = await app.CreateClient().PostAsync("/api/media", new ByteArrayContent(TestImages.Png(50, 50)));

        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Upload_OversizedPictureOrBomb_IsRefusedWithAClearMessage()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();
        var huge = new byte[(21 * 1024 * 1024) + 10];
        TestImages.Png(40, 40).CopyTo(huge, 0);
        var bomb = TestImages.PngBomb(60_000, 60_000);

        var tooBig = await author.PostAsync("/api/media", new ByteArrayContent(huge));
        var decompressionBomb = await author.PostAsync("/api/media", new ByteArrayContent(bomb));

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("20 MB", (await tooBig.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, decompressionBomb.StatusCode);
        Assert.Contains("尺寸", (await decompressionBomb.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindNull() => System.Text.Json.JsonValueKind.Null;
}
