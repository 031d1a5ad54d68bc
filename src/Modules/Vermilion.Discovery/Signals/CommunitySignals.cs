using Vermilion.Community.Contracts;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// The community's actions as feed signals: likes, collects, comments, "not interested", follows (and their
/// undoing). Follows and blocks also refresh what this node remembers about whom a person follows and avoids.
/// </summary>
internal sealed class CommunitySignals(SignalWriter writer, ViewerContextCache viewers)
    : IEventHandler<NoteLiked>, IEventHandler<NoteUnliked>, IEventHandler<NoteCollected>, IEventHandler<NoteUncollected>,
      IEventHandler<CommentPosted>, IEventHandler<NoteMarkedNotInterested>, IEventHandler<UserFollowed>, IEventHandler<UserUnfollowed>,
      IEventHandler<UserBlocked>
{
    private const string Handler = "discovery.feed.community-signals";

    public Task HandleAsync(NoteLiked domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.UserId, domainEvent.NoteId, FeedEventKind.Like, cancellationToken);

    public Task HandleAsync(NoteUnliked domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.UserId, domainEvent.NoteId, FeedEventKind.Unlike, cancellationToken);

    public Task HandleAsync(NoteCollected domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.UserId, domainEvent.NoteId, FeedEventKind.Collect, cancellationToken);

    public Task HandleAsync(NoteUncollected domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.UserId, domainEvent.NoteId, FeedEventKind.Uncollect, cancellationToken);

    public Task HandleAsync(CommentPosted domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.AuthorId, domainEvent.NoteId, FeedEventKind.Comment, cancellationToken);

    public Task HandleAsync(NoteMarkedNotInterested domainEvent, EventContext context, CancellationToken cancellationToken) =>
        OnNoteAsync(context, domainEvent.UserId, domainEvent.NoteId, FeedEventKind.NotInterested, cancellationToken);

    public Task HandleAsync(UserFollowed domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        viewers.Forget(domainEvent.FollowerId);
        return writer.WriteOnceAsync(Handler, context,
            [new FeedEvent { UserId = domainEvent.FollowerId, Kind = FeedEventKind.Follow, SubjectId = domainEvent.FolloweeId }], cancellationToken);
    }

    public Task HandleAsync(UserUnfollowed domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        viewers.Forget(domainEvent.FollowerId);
        return writer.WriteOnceAsync(Handler, context,
            [new FeedEvent { UserId = domainEvent.FollowerId, Kind = FeedEventKind.Unfollow, SubjectId = domainEvent.FolloweeId }], cancellationToken);
    }

    public Task HandleAsync(UserBlocked domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        viewers.Forget(domainEvent.BlockerId);
        viewers.Forget(domainEvent.BlockedId);
        return Task.CompletedTask;
    }

    private Task OnNoteAsync(EventContext context, long userId, long noteId, FeedEventKind kind, CancellationToken cancellationToken) =>
        writer.WriteOnceAsync(Handler, context, [new FeedEvent { UserId = userId, Kind = kind, NoteId = noteId }], cancellationToken);
}
