using System.Globalization;
using Vermilion.Community.Contracts;
using Vermilion.Community.Realtime;
using Vermilion.Kernel.Events;

namespace Vermilion.Community.Notifications;

/// <summary>
/// Turns community activity into notifications: likes and collects of your notes, comments on them, replies
/// to your comments, mentions, new followers. Runs from the outbox, once per event (the inbox row is saved
/// with the notifications), then pushes the new badge counts to whoever got something.
/// </summary>
internal sealed class NotifyOnActivity(CommunityDb db, NotificationWriter writer, LiveUpdates live, TimeProvider clock)
    : IEventHandler<NoteLiked>, IEventHandler<NoteCollected>, IEventHandler<CommentPosted>, IEventHandler<UsersMentioned>, IEventHandler<UserFollowed>
{
    private const string Handler = "community.notify";

    public Task HandleAsync(NoteLiked domainEvent, EventContext context, CancellationToken cancellationToken) =>
        ApplyAsync(context, [new(domainEvent.AuthorId, NotificationCategory.Likes, "like", Key("like", domainEvent.NoteId), domainEvent.UserId, domainEvent.NoteId)], cancellationToken);

    public Task HandleAsync(NoteCollected domainEvent, EventContext context, CancellationToken cancellationToken) =>
        ApplyAsync(context, [new(domainEvent.AuthorId, NotificationCategory.Likes, "collect", Key("collect", domainEvent.NoteId), domainEvent.UserId, domainEvent.NoteId)], cancellationToken);

    public Task HandleAsync(UserFollowed domainEvent, EventContext context, CancellationToken cancellationToken) =>
        ApplyAsync(context, [new(domainEvent.FolloweeId, NotificationCategory.Follows, "follow", "follow", domainEvent.FollowerId)], cancellationToken);

    public Task HandleAsync(UsersMentioned domainEvent, EventContext context, CancellationToken cancellationToken) =>
        ApplyAsync(context, [.. domainEvent.Mentioned.Select(user =>
            new NotificationDraft(user, NotificationCategory.Comments, "mention", Key("mention", domainEvent.NoteId), domainEvent.AuthorId, domainEvent.NoteId))], cancellationToken);

    /// <summary>The replied-to person hears of a reply, the note's author of every comment, and anyone mentioned.</summary>
    public Task HandleAsync(CommentPosted domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        var e = domainEvent;
        var commentKey = Key("comment", e.CommentId);
        var drafts = new List<NotificationDraft>();
        if (e.ReplyToUserId is { } repliedTo)
        {
            drafts.Add(new(repliedTo, NotificationCategory.Comments, "reply", commentKey, e.AuthorId, e.NoteId, e.CommentId, e.Body));
        }

        if (e.NoteAuthorId != e.ReplyToUserId)
        {
            drafts.Add(new(e.NoteAuthorId, NotificationCategory.Comments, "comment", commentKey, e.AuthorId, e.NoteId, e.CommentId, e.Body));
        }

        drafts.AddRange(e.Mentioned.Where(user => user != e.NoteAuthorId && user != e.ReplyToUserId)
            .Select(user => new NotificationDraft(user, NotificationCategory.Comments, "comment_mention", commentKey, e.AuthorId, e.NoteId, e.CommentId, e.Body)));
        return ApplyAsync(context, drafts, cancellationToken);
    }

    private async Task ApplyAsync(EventContext context, IReadOnlyList<NotificationDraft> drafts, CancellationToken cancellationToken)
    {
        var notified = new HashSet<long>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await db.FirstTimeAsync(Handler, context, clock.GetUtcNow(), cancellationToken))
            {
                return;
            }

            foreach (var draft in drafts)
            {
                if (await writer.AddAsync(draft, cancellationToken))
                {
                    notified.Add(draft.UserId);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var user in notified)
        {
            await live.CountsAsync(user, cancellationToken);
        }
    }

    private static string Key(string kind, long id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);
}
