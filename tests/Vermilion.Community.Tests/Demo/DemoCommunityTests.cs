using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests.Demo;

/// <summary>The seeded demo community as a newcomer finds it: its feeds, its notes and the <c>demo</c> account's inbox.</summary>
public sealed class DemoCommunityTests(DemoAppPerProvider apps) : IClassFixture<DemoAppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DiscoverChannels_FirstThreePages_ShowNoTitleTwice(DatabaseProvider provider)
    {
        var app = await apps.TrainedAsync(provider);
        var demo = await DemoAppPerProvider.SignInAsync(app, "demo");
        using var scope = app.Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<INoteRecommender>().Channels;

        foreach (var (key, label) in channels)
        {
            foreach (var reader in new[] { app.CreateClient(), demo })
            {
                var titles = await TitlesAsync(reader, $"/api/feed/discover?channel={Uri.EscapeDataString(key)}", pages: 3);
                Assert.True(titles.Count >= 20, $"{label}: {titles.Count} notes");
                Assert.True(titles.Count == titles.Distinct(StringComparer.Ordinal).Count(), $"{label}: {string.Join(" / ", titles)}");
            }
        }

        var latest = await TitlesAsync(app.CreateClient(), "/api/feed/latest", pages: 3);
        Assert.Equal(latest.Count, latest.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoNotes_EachHaveATitleOfTheirOwn_AndTheirChannelAndSubjectAsTopics(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();

        var notes = await db.Notes.CountAsync();
        var titles = await db.Notes.Select(n => n.Title).Distinct().CountAsync();
        var untagged = await db.Notes.CountAsync(n => db.NoteTopics.Count(t => t.NoteId == n.Id) < 2);

        Assert.Equal(3000, notes);
        Assert.Equal(notes, titles);
        Assert.Equal(0, untagged);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoPictures_AreDrawnForTheirOwnChannel_NeverBorrowedFromAnother(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var covers = await db.NoteTopics.Where(t => t.Topic == "宠物" || t.Topic == "家居")
            .Join(db.Notes.Where(n => n.Type == Community.Notes.NoteType.Image), t => t.NoteId, n => n.Id, (t, n) => new { t.Topic, n.CoverKey })
            .ToListAsync();

        var pets = covers.Where(c => c.Topic == "宠物").Select(c => c.CoverKey).ToHashSet();
        var home = covers.Where(c => c.Topic == "家居").Select(c => c.CoverKey).ToHashSet();
        Assert.NotEmpty(pets);
        Assert.NotEmpty(home);
        Assert.Empty(pets.Intersect(home));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoComments_AskAboutTheNote_AndQuestionsGetAnswers(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();

        var comments = await db.Comments.Select(c => new { c.Body, c.ParentId, c.AuthorId, NoteAuthor = db.Notes.Where(n => n.Id == c.NoteId).Select(n => n.AuthorId).First() })
            .ToListAsync();
        var topLevel = comments.Where(c => c.ParentId is null).ToList();
        var questions = topLevel.Count(c => c.Body.Contains('？', StringComparison.Ordinal));
        var answeredByAuthor = comments.Count(c => c.ParentId is not null && c.AuthorId == c.NoteAuthor);

        Assert.True(questions > topLevel.Count / 5, $"{questions} questions of {topLevel.Count}");
        Assert.True(answeredByAuthor > 50, $"{answeredByAuthor} replies by the note's author");
        Assert.True(comments.Select(c => c.Body).Distinct(StringComparer.Ordinal).Count() > 500, "comments are varied");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoAccount_HasConversations_SomeUnread(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await DemoAppPerProvider.SignInAsync(app, "demo");

        var conversations = (await (await demo.GetAsync("/api/messages")).JsonAsync()).EnumerateArray().ToList();
        var unread = conversations.Select(c => c.GetProperty("unreadCount").GetInt32()).ToList();

        Assert.True(conversations.Count >= 3, conversations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(unread, u => u > 0);
        Assert.Contains(unread, u => u == 0);
        Assert.All(conversations, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("lastMessage").GetProperty("body").GetString())));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoAccount_HasNotifications_OfEveryKind(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var demo = await DemoAppPerProvider.SignInAsync(app, "demo");
        string[] kinds = ["follow", "like", "collect", "comment", "reply", "comment_mention", "order"];

        var seen = await Eventually.ValueAsync(
            async () =>
            {
                var types = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tab in new[] { "comments", "likes", "follows", "system" })
                {
                    var page = await (await demo.GetAsync($"/api/notifications?category={tab}")).JsonAsync();
                    types.UnionWith(page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("type").GetString()!));
                }

                return types;
            },
            types => kinds.All(types.Contains),
            "the demo account's notifications, delivered from the seeding's events");

        Assert.Superset(kinds.ToHashSet(), seen);
    }

    private static async Task<List<string>> TitlesAsync(HttpClient reader, string feed, int pages)
    {
        var titles = new List<string>();
        string? cursor = null;
        for (var page = 0; page < pages; page++)
        {
            var body = await (await reader.GetAsync(cursor is null ? feed : $"{feed}{(feed.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}")).JsonAsync();
            titles.AddRange(body.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!));
            cursor = body.GetProperty("next") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;
            if (cursor is null)
            {
                break;
            }
        }

        return titles;
    }
}
