using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Tests.Feed;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Signals;

public sealed class SignalApiTests(FeedApp apps) : IClassFixture<FeedApp>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_AValidBatchIsStoredWithWhatEachSaid(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (reader, readerId, _) = await app.SignUpAsync();
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.PostAsync("露营清单", "旅行 露营");

        var response = await reader.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { kind = "impression", note, position = 3, feed = "discover:recommend" },
                new { kind = "click", note, position = 3, feed = "discover:recommend" },
                new { kind = "dwell", note, dwellMs = 42_500 },
                new { kind = "video", note, completion = 0.9 },
                new { kind = "share", note },
                new { kind = "search", query = "  分手复合技巧 " },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, (await response.JsonAsync()).GetProperty("recorded").GetInt32());
        var stored = await SignalsOfAsync(app, readerId);
        Assert.Equal([FeedEventKind.Impression, FeedEventKind.Click, FeedEventKind.Dwell, FeedEventKind.VideoCompletion, FeedEventKind.Share, FeedEventKind.Search],
            stored.Select(s => s.Kind));
        Assert.Equal(3, stored[0].Position);
        Assert.Equal("discover:recommend", stored[0].Feed);
        Assert.Equal(42.5f, stored[2].Value);
        Assert.Equal(0.9f, stored[3].Value!.Value, 3);
        Assert.Equal("分手复合技巧", stored[5].Query);
        Assert.Null(stored[5].NoteId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_ABadBatchIsRefusedWholeWithEveryBadFieldNamed(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (reader, readerId, _) = await app.SignUpAsync();
        var note = ShortId.Encode(123456789);

        var response = await reader.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { kind = "impression", note, position = 1 },
                new { kind = "impression", note = "not an id!" },
                new { kind = "teleport", note },
                new { kind = "dwell", note, dwellMs = -5 },
                new { kind = "like", note },
                new { kind = "video", note, completion = 1.5 },
                new { kind = "search" },
                new { kind = "click", note, position = -1 },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "events[1].note", "events[2].kind", "events[3].dwellMs", "events[4].kind", "events[5].completion", "events[6].query", "events[7].position" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is named");
        }

        Assert.False(errors.TryGetProperty("events[0].note", out _));
        Assert.Empty(await SignalsOfAsync(app, readerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_SentAsTheBrowsersBeaconFormAreRecorded(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (reader, readerId, _) = await app.SignUpAsync();
        var note = ShortId.Encode(987654321);

        var response = await reader.PostAsync("/api/events", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["batch"] = $$"""{"events":[{"kind":"impression","note":"{{note}}","position":0},{"kind":"dwell","note":"{{note}}","dwellMs":1200}]}""",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await SignalsOfAsync(app, readerId)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_WithoutAnythingUsableAreClear400s(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (reader, _, _) = await app.SignUpAsync();
        var many = Enumerable.Range(0, RecordSignalsHandler.MaxBatch + 1).Select(_ => new { kind = "impression", note = "abc" }).ToArray();

        var empty = await reader.PostAsJsonAsync("/api/events", new { events = Array.Empty<object>() });
        var tooMany = await reader.PostAsJsonAsync("/api/events", new { events = many });
        var broken = await reader.PostAsync("/api/events", new StringContent("{\"events\":[", System.Text.Encoding.UTF8, "application/json"));
        var plain = await reader.PostAsync("/api/events", new StringContent("impression", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("events", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_NeedSomeoneSignedIn(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);

        var response = await app.CreateClient().PostAsJsonAsync("/api/events", new { events = new[] { new { kind = "impression", note = "abc" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommunityActions_BecomeSignals_AndAClosedAccountLeavesNone(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (reader, readerId, _) = await app.SignUpAsync();
        var (author, authorId, _) = await app.SignUpAsync();
        var note = await author.PostAsync("家常菜", "美食 家常菜");

        (await reader.PostAsync($"/api/notes/{note}/like", null)).EnsureSuccessStatusCode();
        (await reader.PostAsync($"/api/notes/{note}/not-interested", null)).EnsureSuccessStatusCode();
        (await reader.PostAsync($"/api/users/{authorId}/follow", null)).EnsureSuccessStatusCode();
        await app.SettledAsync();

        Assert.Equal([FeedEventKind.Like, FeedEventKind.NotInterested, FeedEventKind.Follow], (await SignalsOfAsync(app, readerId)).Select(s => s.Kind));

        (await reader.PostAsJsonAsync("/api/me/close", new { password = ApiClient.Password })).EnsureSuccessStatusCode();
        await app.SettledAsync();
        Assert.Empty(await SignalsOfAsync(app, readerId));
    }

    private static async Task<List<FeedEvent>> SignalsOfAsync(VermilionApp app, string publicId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedDb>();
        var user = ShortId.TryDecode(publicId, out var id) ? id : 0;
        return await db.Events.AsNoTracking().Where(e => e.UserId == user).OrderBy(e => e.Id).ToListAsync();
    }
}
