using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

public sealed class SeriesTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Series_KeepsTheCreatorsOrderAndShowsNeighboursOnEachNote(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (creator, creatorId, _) = await app.SignUpAsync();
        var series = await CreateAsync(creator, "新手露营 30 天");
        var first = await creator.PublishIdAsync(new { type = "text", title = "第 1 天：选营地", seriesId = series });
        var second = await creator.PublishIdAsync(new { type = "text", title = "第 2 天：搭帐篷", seriesId = series });
        var third = await creator.TextNoteAsync("第 3 天：做饭");
        await creator.PostAsJsonAsync($"/api/series/{series}/notes", new { noteId = third });

        var reorder = await creator.PutAsJsonAsync($"/api/series/{series}/notes", new { noteIds = new[] { third, first, second } });
        var detail = await (await app.CreateClient().GetAsync($"/api/series/{series}")).JsonAsync();
        var listed = await (await app.CreateClient().GetAsync($"/api/users/{creatorId}/series")).JsonAsync();
        var page = await (await app.CreateClient().GetAsync($"/explore/{first}")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NoContent, reorder.StatusCode);
        Assert.Equal([third, first, second], Ids(detail.GetProperty("notes")));
        Assert.Equal(3, detail.GetProperty("series").GetProperty("noteCount").GetInt32());
        Assert.Equal("新手露营 30 天", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains("data-testid=\"series-banner\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/explore/{third}\" data-testid=\"series-previous\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/explore/{second}\" data-testid=\"series-next\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Series_RemovingDeletingAndMovingNotes_KeepsPositionsDense(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (creator, _, _) = await app.SignUpAsync();
        var a = await CreateAsync(creator, "合集 A");
        var b = await CreateAsync(creator, "合集 B");
        var notes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            notes.Add(await creator.PublishIdAsync(new { type = "text", title = $"笔记 {i}", seriesId = a }));
        }

        await creator.DeleteAsync($"/api/series/{a}/notes/{notes[1]}");
        await creator.DeleteAsync($"/api/notes/{notes[2]}");
        await creator.PatchAsJsonAsync($"/api/notes/{notes[3]}", new { seriesId = b });
        var inA = await (await creator.GetAsync($"/api/series/{a}")).JsonAsync();
        var inB = await (await creator.GetAsync($"/api/series/{b}")).JsonAsync();
        var deleteSeries = await creator.DeleteAsync($"/api/series/{b}");
        var stillThere = await creator.GetAsync($"/api/notes/{notes[3]}");

        Assert.Equal([notes[0]], Ids(inA.GetProperty("notes")));
        Assert.Equal([notes[3]], Ids(inB.GetProperty("notes")));
        Assert.Equal(HttpStatusCode.NoContent, deleteSeries.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await creator.GetAsync($"/api/series/{b}")).StatusCode);
    }

    [Fact]
    public async Task Series_ForeignNotesBadOrdersAndStrangers_AreClearErrors()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        var (creator, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var series = await CreateAsync(creator, "我的合集");
        var mine = await creator.PublishIdAsync(new { type = "text", title = "我的", seriesId = series });
        var theirs = await other.TextNoteAsync("别人的");

        var foreignNote = await creator.PostAsJsonAsync($"/api/series/{series}/notes", new { noteId = theirs });
        var intoForeignSeries = await other.PostAsJsonAsync("/api/notes", new { type = "text", title = "想混进去", seriesId = series });
        var strangerRenames = await other.PatchAsJsonAsync($"/api/series/{series}", new { name = "改名" });
        var badOrder = await creator.PutAsJsonAsync($"/api/series/{series}/notes", new { noteIds = new[] { mine, mine } });
        var emptyName = await creator.PostAsJsonAsync("/api/series", new { name = "  " });
        var longName = await creator.PostAsJsonAsync("/api/series", new { name = new string('长', 21) });

        Assert.Equal(HttpStatusCode.BadRequest, foreignNote.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, intoForeignSeries.StatusCode);
        Assert.True((await intoForeignSeries.JsonAsync()).GetProperty("errors").TryGetProperty("seriesId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, strangerRenames.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badOrder.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Equal([mine], Ids((await (await creator.GetAsync($"/api/series/{series}")).JsonAsync()).GetProperty("notes")));
        Assert.DoesNotContain((await (await other.GetAsync("/api/feed/latest")).JsonAsync()).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("title").GetString() == "想混进去");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrivateTabs_HideLikesAndCollectionsFromEveryoneButTheirOwner(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var (reader, readerId, _) = await app.SignUpAsync();
        var (visitor, _, _) = await app.SignUpAsync();
        var note = await author.TextNoteAsync("被收藏的笔记");
        await reader.PostAsync($"/api/notes/{note}/like", null);
        await reader.PostAsync($"/api/notes/{note}/collect", null);

        var set = await reader.PutAsJsonAsync("/api/me/tab-privacy", new { collectedPrivate = true, likedPrivate = false });
        var collectedByVisitor = await visitor.GetAsync($"/api/users/{readerId}/collected");
        var likedByVisitor = await visitor.GetAsync($"/api/users/{readerId}/liked");
        var collectedByOwner = await reader.GetAsync($"/api/users/{readerId}/collected");
        var profileTab = await (await visitor.GetAsync($"/user/{readerId}?tab=collected")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, collectedByVisitor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, likedByVisitor.StatusCode);
        Assert.Single((await likedByVisitor.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Single((await collectedByOwner.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Contains("data-testid=\"tab-private\"", profileTab, StringComparison.Ordinal);
    }

    private static async Task<string> CreateAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/series", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static List<string?> Ids(JsonElement notes) => [.. notes.EnumerateArray().Select(n => n.GetProperty("id").GetString())];
}
