using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Boards;
using Vermilion.Community.Comments;
using Vermilion.Community.Follows;
using Vermilion.Community.Likes;
using Vermilion.Community.Messages;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Demo;

/// <summary>
/// What the <c>demo</c> account finds on its first sign-in: new followers, likes, collects and questions on its
/// newest note, a reply, a mention, and direct messages (some unread). Made through the real use cases, so the
/// notifications come from their events like any others and every counter moves as it would.
/// </summary>
internal sealed class DemoInbox(
    CommunityDb db,
    IUserDirectory users,
    FollowHandler follows,
    LikeHandler likes,
    CollectHandler collects,
    PostCommentHandler comments,
    SendMessageHandler messages,
    ReadMessagesHandler reads)
{
    /// <summary>Who takes part: past the demo's own two accounts and the demo shop owners, a few of the crowd.</summary>
    private const int FirstFriend = 20;

    public async Task FillAsync(IReadOnlyList<long> people, DemoPlan plan, CancellationToken cancellationToken)
    {
        if (people.Count < FirstFriend + 20)
        {
            return;
        }

        var demo = people[0];
        var friends = people.Skip(FirstFriend).Take(20).ToList();
        await FollowersAsync(demo, people.Skip(FirstFriend).ToList(), cancellationToken);
        var newest = plan.Notes.Where(n => n.Author == 0).OrderBy(n => n.MinutesAgo).FirstOrDefault();
        if (newest is not null)
        {
            await AttentionAsync(demo, newest, friends, cancellationToken);
        }

        var elsewhere = plan.Notes.Where(n => n.Author >= FirstFriend).OrderBy(n => n.MinutesAgo).First();
        if (await users.FindAsync(demo, cancellationToken) is { } me)
        {
            await Ok(comments.HandleAsync(people[elsewhere.Author], elsewhere.Id,
                new CommentRequest($"@{me.Username} 快来看，你上次说想试的{elsewhere.Theme.Thing}"), cancellationToken));
        }

        await ConversationsAsync(demo, friends, newest?.Theme ?? elsewhere.Theme, cancellationToken);
    }

    /// <summary>Six people who did not follow the demo yet (the demo is popular) start to.</summary>
    private async Task FollowersAsync(long demo, List<long> crowd, CancellationToken cancellationToken)
    {
        var already = (await db.Follows.Where(f => f.FolloweeId == demo).Select(f => f.FollowerId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var follower in crowd.Where(p => !already.Contains(p)).Take(6))
        {
            await Ok(follows.FollowAsync(follower, demo, cancellationToken));
        }
    }

    /// <summary>Likes and collects on the demo's newest note, a question it answers and thanks for the answer.</summary>
    private async Task AttentionAsync(long demo, DemoNote note, List<long> friends, CancellationToken cancellationToken)
    {
        foreach (var friend in friends[4..16])
        {
            await Ok(likes.LikeAsync(friend, note.Id, cancellationToken));
        }

        foreach (var friend in friends[10..14])
        {
            await Ok(collects.CollectAsync(friend, note.Id, new CollectRequest(), cancellationToken));
        }

        var (question, answer) = note.Theme.Asks[0];
        var asked = await Ok(comments.HandleAsync(friends[8], note.Id, new CommentRequest(note.Theme.Fill(question)), cancellationToken));
        await Ok(comments.HandleAsync(friends[9], note.Id, new CommentRequest(note.Theme.Fill(DemoTheme.Pick(note.Theme.Of.Cheers, new Random(3)))), cancellationToken));
        var answered = await Ok(comments.HandleAsync(demo, note.Id, new CommentRequest(note.Theme.Fill(answer), ShortId.Encode(asked)), cancellationToken));
        await Ok(comments.HandleAsync(friends[8], note.Id, new CommentRequest("收到，谢谢博主！[比心]", ShortId.Encode(answered)), cancellationToken));
    }

    /// <summary>Three conversations: one answered and read, two with a message the demo has not read yet.</summary>
    private async Task ConversationsAsync(long demo, List<long> friends, DemoTheme theme, CancellationToken cancellationToken)
    {
        var (reader, neighbour, friend) = (friends[0], friends[1], friends[2]);
        await Ok(messages.HandleAsync(demo, friend, new MessageRequest("你的攻略太有用了，收藏了好几篇！"), cancellationToken));
        await Ok(messages.HandleAsync(friend, demo, new MessageRequest("哈哈谢谢喜欢，有问题随时问我～"), cancellationToken));
        await reads.HandleAsync(demo, friend, cancellationToken);

        await Ok(messages.HandleAsync(reader, demo, new MessageRequest($"你好呀，看了你写的{theme.Thing}，想问问是在哪买的？"), cancellationToken));
        await Ok(messages.HandleAsync(demo, reader, new MessageRequest("主页有链接哦，用着不错～"), cancellationToken));
        await Ok(messages.HandleAsync(reader, demo, new MessageRequest("收到！已经下单啦，谢谢你[比心]"), cancellationToken));

        await Ok(follows.FollowAsync(demo, neighbour, cancellationToken));
        await Ok(messages.HandleAsync(neighbour, demo, new MessageRequest("姐妹，周末一起去逛逛吗？"), cancellationToken));
        await Ok(messages.HandleAsync(neighbour, demo, new MessageRequest($"听说{theme.City}新开了一家店，想去很久了"), cancellationToken));
    }

    /// <summary>The demo is made once on a fresh database: a use case refusing here is a bug worth stopping for.</summary>
    private static async Task<T> Ok<T>(Task<Kernel.Errors.Outcome<T>> step)
    {
        var outcome = await step;
        return outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException("Demo inbox: " + outcome.Failure);
    }
}
