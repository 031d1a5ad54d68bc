using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

/// <summary>
/// Anonymous readers share one list of the newest public notes. Sharing it must never hide a note just published
/// through the platform, nor keep showing one deleted or made private.
/// </summary>
public sealed class NewestNotesTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousLatest_IsShared_AndFollowsEveryChangeMadeThroughThePlatform(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var visitor = app.CreateClient();
        var listed = await author.TextNoteAsync("最新列表里的笔记");
        var before = await TitlesAsync(visitor);
        // Changed behind the platform's back: only the shared list itself still names the note, and it does.
        await SetPrivacyDirectlyAsync(app, listed, Community.Notes.Privacy.OnlyMe);
        var stillListed = await TitlesAsync(visitor);
        (await author.PatchAsJsonAsync($"/api/notes/{listed}", new { title = "最新列表里的笔记" })).EnsureSuccessStatusCode();
        var hiddenByAnEdit = await TitlesAsync(visitor);

        var published = await author.TextNoteAsync("刚刚发布的笔记");
        var afterPublish = await TitlesAsync(visitor);
        var page = await visitor.GetStringAsync("/?tab=latest");
        (await author.DeleteAsync($"/api/notes/{published}")).EnsureSuccessStatusCode();
        var afterDelete = await TitlesAsync(visitor);
        var friendsOnly = await author.TextNoteAsync("只给粉丝看的笔记", privacy: "followers");
        var afterFriendsOnly = await TitlesAsync(visitor);

        Assert.Contains("最新列表里的笔记", before);
        Assert.Contains("最新列表里的笔记", stillListed);
        Assert.DoesNotContain("最新列表里的笔记", hiddenByAnEdit);
        Assert.Contains("刚刚发布的笔记", afterPublish);
        Assert.Contains("刚刚发布的笔记", page);
        Assert.DoesNotContain("刚刚发布的笔记", afterDelete);
        Assert.NotEmpty(friendsOnly);
        Assert.DoesNotContain("只给粉丝看的笔记", afterFriendsOnly);
    }

    private static async Task<List<string>> TitlesAsync(HttpClient client)
    {
        var feed = await (await client.GetAsync("/api/feed/latest")).JsonAsync();
        return [.. feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private static async Task SetPrivacyDirectlyAsync(VermilionApp app, string note, Community.Notes.Privacy privacy)
    {
        Assert.True(ShortId.TryDecode(note, out var id));
        using var scope = app.Root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        await db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.Privacy, privacy));
    }
}
