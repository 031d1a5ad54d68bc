using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notifications;

/// <summary>What happened, to whom, by whom: the input of <see cref="NotificationWriter"/>.</summary>
internal sealed record NotificationDraft(
    long UserId,
    NotificationCategory Category,
    string Type,
    string GroupKey,
    long? ActorId,
    long? NoteId = null,
    long? CommentId = null,
    string? Excerpt = null,
    string? TextKey = null,
    string? TextArguments = null,
    string? Link = null,
    string? DedupeKey = null);

/// <summary>
/// Adds a notification inside the caller's transaction: into the open line of its group when there is one,
/// else as a new line. Nobody is notified of their own actions, nor by someone either side has blocked.
/// Returns whether anything changed, so the caller knows to push the new count.
/// </summary>
internal sealed class NotificationWriter(CommunityDb db, IdGenerator ids, TimeProvider clock)
{
    public const int ExcerptMax = 80;

    public async Task<bool> AddAsync(NotificationDraft draft, CancellationToken cancellationToken)
    {
        if (draft.ActorId is { } actor && (actor == draft.UserId || await db.BlockedBetweenAsync(actor, draft.UserId, cancellationToken)))
        {
            return false;
        }

        if (draft.DedupeKey is { } dedupe && await db.Notifications.AnyAsync(n => n.DedupeKey == dedupe, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var open = await db.Notifications.FirstOrDefaultAsync(n => n.UserId == draft.UserId && n.GroupKey == draft.GroupKey && n.ReadAt == null, cancellationToken);
        if (open is null)
        {
            var line = new Notification
            {
                Id = ids.Next(),
                UserId = draft.UserId,
                Category = draft.Category,
                Type = draft.Type,
                GroupKey = draft.GroupKey,
                ActorId = draft.ActorId,
                ActorCount = draft.ActorId is null ? 0 : 1,
                NoteId = draft.NoteId,
                CommentId = draft.CommentId,
                Excerpt = Cut(draft.Excerpt),
                TextKey = draft.TextKey,
                TextArguments = draft.TextArguments,
                Link = draft.Link,
                DedupeKey = draft.DedupeKey,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Notifications.Add(line);
            if (draft.ActorId is { } first)
            {
                db.NotificationActors.Add(new NotificationActor { NotificationId = line.Id, ActorId = first });
            }

            return true;
        }

        if (draft.ActorId is not { } next || await db.NotificationActors.AnyAsync(a => a.NotificationId == open.Id && a.ActorId == next, cancellationToken))
        {
            return false;
        }

        db.NotificationActors.Add(new NotificationActor { NotificationId = open.Id, ActorId = next });
        open.ActorId = next;
        open.ActorCount++;
        open.UpdatedAt = now;
        return true;
    }

    private static string? Cut(string? text) =>
        text is null ? null : NoteText.Length(text) <= ExcerptMax ? text : string.Concat(text.EnumerateRunes().Take(ExcerptMax)) + "…";
}
