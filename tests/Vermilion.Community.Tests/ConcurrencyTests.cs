using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Community.Follows;
using Vermilion.Community.Likes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Community.Tests;

/// <summary>
/// Counters under real concurrency on the real databases: every request in its own scope and connection,
/// all released at once.
/// </summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThousandPeopleLikingAtOnce_CountExactlyAThousand(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var (author, _, _) = await app.SignUpAsync();
        var noteId = ShortId.TryDecode(await author.TextNoteAsync("大家都来点赞"), out var id) ? id : 0;
        var likers = Enumerable.Range(1, 1000).Select(i => 9_000_000L + i).ToList();

        using var start = new SemaphoreSlim(0);
        var likes = likers.Select(async user =>
        {
            await start.WaitAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<LikeHandler>().LikeAsync(user, noteId, CancellationToken.None);
            Assert.True(outcome.Succeeded);
        }).ToList();
        start.Release(likers.Count);
        await Task.WhenAll(likes);
        // The same people again: nothing may change.
        await Task.WhenAll(likers.Take(100).Select(async user =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LikeHandler>().LikeAsync(user, noteId, CancellationToken.None);
        }));

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CommunityDb>();
        var note = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == noteId);
        Assert.Equal(1000, note.LikeCount);
        Assert.Equal(1000, await db.Likes.CountAsync(l => l.NoteId == noteId));
        Assert.Equal(1000, (await db.UserStats.AsNoTracking().SingleAsync(s => s.UserId == note.AuthorId)).LikesReceived);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FollowUnfollowStorm_LeavesCountersEqualToRows(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var people = Enumerable.Range(1, 12).Select(i => 0L).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var (_, id, _) = await app.SignUpAsync();
            people[i] = ShortId.TryDecode(id, out var value) ? value : 0;
        }

        var random = new Random(3);
        var operations = Enumerable.Range(0, 600).Select(_ => (From: people[random.Next(people.Count)], To: people[random.Next(people.Count)], Follow: random.Next(3) > 0)).ToList();
        using var start = new SemaphoreSlim(0);
        var storm = operations.Select(async op =>
        {
            await start.WaitAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var follows = scope.ServiceProvider.GetRequiredService<FollowHandler>();
            if (op.Follow)
            {
                await follows.FollowAsync(op.From, op.To, CancellationToken.None);
            }
            else
            {
                await follows.UnfollowAsync(op.From, op.To, CancellationToken.None);
            }
        }).ToList();
        start.Release(operations.Count);
        await Task.WhenAll(storm);

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CommunityDb>();
        var follows = await db.Follows.AsNoTracking().ToListAsync();
        var stats = await db.UserStats.AsNoTracking().ToDictionaryAsync(s => s.UserId);
        foreach (var person in people)
        {
            var row = stats.GetValueOrDefault(person);
            Assert.Equal(follows.Count(f => f.FollowerId == person), row?.Following ?? 0);
            Assert.Equal(follows.Count(f => f.FolloweeId == person), row?.Followers ?? 0);
        }
    }
}
