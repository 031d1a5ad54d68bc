using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class VideoNoteTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task VideoNote_IsPublishedWithItsPosterAsCoverAndItsLength(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var upload = await UploadAsync(author, TestVideos.Mp4(720, 1280, 42.4));
        var poster = await author.UploadAsync(TestImages.Png(72, 128));

        var note = await author.PublishAsync(new { type = "video", title = "一分钟学会编发", mediaIds = new[] { upload.GetProperty("id").GetString() }, posterId = poster });
        var seen = await (await app.CreateClient().GetAsync($"/api/notes/{note.GetProperty("id").GetString()}")).JsonAsync();
        var card = (await (await app.CreateClient().GetAsync($"/api/users/{authorId}/notes")).JsonAsync()).GetProperty("items")[0];
        var stored = await app.CreateClient().GetByteArrayAsync(seen.GetProperty("media")[0].GetProperty("url").GetString());

        Assert.Equal("video", upload.GetProperty("kind").GetString());
        Assert.Equal(43, upload.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("video", seen.GetProperty("type").GetString());
        Assert.EndsWith(".mp4", seen.GetProperty("media")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(seen.GetProperty("coverUrl").GetString(), seen.GetProperty("media")[0].GetProperty("posterUrl").GetString());
        Assert.Equal(43, seen.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(43, card.GetProperty("durationSeconds").GetInt32());
        Assert.DoesNotContain(TestVideos.SecretText, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebMRecordedInABrowser_IsAcceptedAndServedWithRanges()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();

        var upload = await UploadAsync(author, TestVideos.WebM(480, 640, 3, live: true));
        var request = new HttpRequestMessage(HttpMethod.Get, upload.GetProperty("url").GetString());
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await app.CreateClient().SendAsync(request);

        Assert.Equal(3, upload.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/webm", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task BadVideoNotes_AreFieldErrorsAndCreateNothing()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, authorId, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var video = (await UploadAsync(author, TestVideos.Mp4(640, 360, 5))).GetProperty("id").GetString();
        var secondVideo = (await UploadAsync(author, TestVideos.WebM(640, 360, 5))).GetProperty("id").GetString();
        var picture = await author.UploadAsync();
        var foreignPicture = await other.UploadAsync();
        var full = TestVideos.Mp4(640, 360, 5);

        var cut = await author.PostAsync("/api/media", Raw(full[..(full.Length / 2)]));
        var tooLong = await author.PostAsync("/api/media", Raw(TestVideos.Mp4(640, 360, 20 * 60)));
        var noPoster = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { video } });
        var foreignPoster = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { video }, posterId = foreignPicture });
        var twoVideos = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { video, secondVideo }, posterId = picture });
        var videoAsPicture = await author.PostAsJsonAsync("/api/notes", new { type = "image", mediaIds = new[] { video } });
        var pictureAsVideo = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { picture }, posterId = picture });

        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Contains("不完整", (await cut.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("15 分钟", (await tooLong.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await noPoster.JsonAsync()).GetProperty("errors").TryGetProperty("posterId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, foreignPoster.StatusCode);
        Assert.True((await twoVideos.JsonAsync()).GetProperty("errors").TryGetProperty("mediaIds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, videoAsPicture.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pictureAsVideo.StatusCode);
        Assert.Empty((await (await author.GetAsync($"/api/users/{authorId}/notes")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    private static async Task<System.Text.Json.JsonElement> UploadAsync(HttpClient client, byte[] video)
    {
        var response = await client.PostAsync("/api/media", Raw(video));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
