using Vermilion.Kernel.Events;

namespace Vermilion.Community.Contracts;

/// <summary>A note became visible (published now, or its scheduled time came).</summary>
public sealed record NotePublished(long NoteId, long AuthorId, string Type, string Title, string Body, IReadOnlyList<string> Topics, string City, string Privacy) : IDomainEvent;

public sealed record NoteEdited(long NoteId, long AuthorId, string Title, string Body, IReadOnlyList<string> Topics, string City, string Privacy) : IDomainEvent;

public sealed record NoteDeleted(long NoteId, long AuthorId) : IDomainEvent;

public sealed record NoteLiked(long NoteId, long AuthorId, long UserId) : IDomainEvent;

public sealed record NoteUnliked(long NoteId, long AuthorId, long UserId) : IDomainEvent;

public sealed record NoteCollected(long NoteId, long AuthorId, long UserId, long BoardId) : IDomainEvent;

public sealed record NoteMarkedNotInterested(long NoteId, long UserId) : IDomainEvent;

public sealed record CommentPosted(long CommentId, long NoteId, long NoteAuthorId, long AuthorId, long? ParentId, long? ReplyToUserId, string Body, IReadOnlyList<long> Mentioned) : IDomainEvent;

public sealed record UserFollowed(long FollowerId, long FolloweeId) : IDomainEvent;

public sealed record UserUnfollowed(long FollowerId, long FolloweeId) : IDomainEvent;

public sealed record UserBlocked(long BlockerId, long BlockedId) : IDomainEvent;

public sealed record UsersMentioned(long NoteId, long AuthorId, IReadOnlyList<long> Mentioned) : IDomainEvent;

public sealed record DirectMessageSent(long MessageId, long SenderId, long RecipientId) : IDomainEvent;
