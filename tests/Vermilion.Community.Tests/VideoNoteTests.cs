using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Media;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class VideoNoteTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task VideoNote_IsPublishedWhenItsRenditionIsReady_WithTheServersPoster(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, authorId, _) = await app.SignUpAsync();
        var upload = await UploadAsync(author, TestVideos.Mp4(320, 240, 2.4));
        var mediaId = upload.GetProperty("id").GetString();

        var note = await author.PublishAsync(new { type = "video", title = "一分钟学会编发", mediaIds = new[] { mediaId } });
        var noteId = note.GetProperty("id").GetString();
        var beforeReady = await app.CreateClient().GetAsync($"/api/notes/{noteId}");
        var ready = await Eventually.ValueAsync(() => MediaAsync(author, mediaId), m => m.GetProperty("state").GetString() != "processing", "the rendition is made");
        var seen = await (await app.CreateClient().GetAsync($"/api/notes/{noteId}")).JsonAsync();
        var card = (await (await app.CreateClient().GetAsync($"/api/users/{authorId}/notes")).JsonAsync()).GetProperty("items")[0];
        var rendition = await app.CreateClient().GetByteArrayAsync(seen.GetProperty("media")[0].GetProperty("url").GetString());
        var text = Encoding.Latin1.GetString(rendition);

        Assert.Equal("processing", upload.GetProperty("state").GetString());
        Assert.Equal("processing", note.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, beforeReady.StatusCode);
        Assert.Equal(("ready", 100), (ready.GetProperty("state").GetString(), ready.GetProperty("progress").GetInt32()));
        Assert.Equal("published", seen.GetProperty("status").GetString());
        Assert.Equal(3, seen.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(3, card.GetProperty("durationSeconds").GetInt32());
        Assert.EndsWith(".webp", seen.GetProperty("media")[0].GetProperty("posterUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(seen.GetProperty("coverUrl").GetString(), seen.GetProperty("media")[0].GetProperty("posterUrl").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", card.GetProperty("coverColor").GetString());
        Assert.True(text.IndexOf("moov", StringComparison.Ordinal) < text.IndexOf("mdat", StringComparison.Ordinal), "the index comes first");
        Assert.DoesNotContain(TestVideos.SecretText, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickedPoster_IsKeptAndTheVideoIsServedWithRanges()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, _, _) = await app.SignUpAsync();
        var video = (await UploadAsync(author, TestVideos.WebM(160, 120, 2))).GetProperty("id").GetString();
        var poster = await author.UploadAsync(TestImages.Jpeg(120, 160));

        var note = await author.PublishAsync(new { type = "video", mediaIds = new[] { video }, posterId = poster });
        var ready = await Eventually.ValueAsync(() => MediaAsync(author, video), m => m.GetProperty("state").GetString() == "ready", "the rendition is made");
        var seen = await (await author.GetAsync($"/api/notes/{note.GetProperty("id").GetString()}")).JsonAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, ready.GetProperty("url").GetString());
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await app.CreateClient().SendAsync(request);

        Assert.Equal((160, 120), (seen.GetProperty("media")[0].GetProperty("width").GetInt32(), seen.GetProperty("media")[0].GetProperty("height").GetInt32()));
        Assert.NotEqual(ready.GetProperty("posterUrl").GetString(), seen.GetProperty("coverUrl").GetString());
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task BadVideoNotes_AreFieldErrorsAndCreateNothing()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (author, authorId, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var video = (await UploadAsync(author, TestVideos.Mp4(64, 48, 2))).GetProperty("id").GetString();
        var secondVideo = (await UploadAsync(author, TestVideos.WebM(64, 48, 2))).GetProperty("id").GetString();
        var picture = await author.UploadAsync();
        var foreignPicture = await other.UploadAsync();
        var full = TestVideos.Mp4(64, 48, 2);

        var cut = await author.PostAsync("/api/media", Raw(full[..(full.Length / 2)]));
        var tooLong = await author.PostAsync("/api/media", Raw(TestVideos.Mp4(16, 16, 16 * 60, audio: false, rate: 1)));
        var foreignPoster = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { video }, posterId = foreignPicture });
        var twoVideos = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { video, secondVideo } });
        var videoAsPicture = await author.PostAsJsonAsync("/api/notes", new { type = "image", mediaIds = new[] { video } });
        var pictureAsVideo = await author.PostAsJsonAsync("/api/notes", new { type = "video", mediaIds = new[] { picture } });
        var othersProgress = await other.GetAsync($"/api/media/{video}");

        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Contains("不完整", (await cut.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("15 分钟", (await tooLong.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await foreignPoster.JsonAsync()).GetProperty("errors").TryGetProperty("posterId", out _));
        Assert.True((await twoVideos.JsonAsync()).GetProperty("errors").TryGetProperty("mediaIds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, videoAsPicture.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pictureAsVideo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersProgress.StatusCode);
        Assert.Empty((await (await author.GetAsync($"/api/users/{authorId}/notes")).JsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoNodesRacingForOneJob_OnlyOneGetsIt(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var mediaId = Random.Shared.NextInt64(1L << 40, 1L << 50);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
            // Held by a node that went away; its lease runs out in an hour, so this app's own worker leaves it alone.
            db.VideoJobs.Add(new VideoJob
            {
                MediaId = mediaId, Source = "race.mp4", DurationSeconds = 1, Attempts = VideoJob.MaxAttempts - 1,
                LeaseOwner = "gone", LeaseUntil = DateTimeOffset.UtcNow.AddHours(1), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var now = DateTimeOffset.UtcNow.AddHours(2);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async node =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
            var job = await VideoJobLeases.ClaimAsync(db, $"node-{node}", now, CancellationToken.None);
            return job?.MediaId == mediaId ? job.LeaseOwner : null;
        }));

        Assert.Single(claims, c => c is not null);
    }

    private static async Task<JsonElement> MediaAsync(HttpClient client, string? id) =>
        await (await client.GetAsync($"/api/media/{id}")).JsonAsync();

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] video)
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
