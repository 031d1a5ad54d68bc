using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Community.Media;
using Vermilion.Community.Notes;
using Vermilion.Community.Realtime;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Messages;

/// <summary>A direct message as sent: words, a picture (an uploaded media id), or both.</summary>
public sealed record MessageRequest(string? Body = null, string? ImageId = null, string? ClientId = null);

/// <summary>
/// Sends a direct message. The message is committed before the sender gets its acknowledgement, so an
/// acknowledged message survives any restart; a retry with the same client id returns the stored message.
/// Blocks stop messages both ways, and someone who does not follow the sender gets at most one message
/// from them until they reply (the reference platform's rule against spam).
/// </summary>
internal sealed class SendMessageHandler(
    CommunityDb db,
    IUserDirectory users,
    IdGenerator ids,
    TimeProvider clock,
    OutboxWriter outbox,
    MessageQueries queries,
    LiveUpdates live,
    IStringLocalizer text)
{
    public async Task<Outcome<MessageView>> HandleAsync(long senderId, long recipientId, MessageRequest request, CancellationToken cancellationToken)
    {
        var clientId = string.IsNullOrWhiteSpace(request.ClientId) ? null : request.ClientId.Trim();
        if (clientId is not null && await queries.FindByClientIdAsync(senderId, clientId, cancellationToken) is { } replay)
        {
            return replay;
        }

        var refusal = await CheckAsync(senderId, recipientId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var body = NoteText.Clean(request.Body);
        var errors = new FieldErrors();
        var image = await ImageAsync(senderId, request.ImageId, errors, cancellationToken);
        if (body.Length == 0 && image is null && !errors.Has("imageId"))
        {
            errors.Add("body", text["community.message.empty"]);
        }
        else if (NoteText.Length(body) > DirectMessage.BodyMax)
        {
            errors.Add("body", text["community.message.too_long", DirectMessage.BodyMax]);
        }

        if (clientId is { Length: > DirectMessage.ClientIdMax })
        {
            errors.Add("clientId", text["community.message.client_id", DirectMessage.ClientIdMax]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var conversationId = await ConversationAsync(senderId, recipientId, cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Touching the conversation row first queues concurrent senders, so the one-message rule holds under races.
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastMessageAt, now), cancellationToken);
        if (!await MayWriteAsync(senderId, recipientId, conversationId, cancellationToken))
        {
            return new Failure(FailureKind.Forbidden, text["community.message.wait_for_reply"]);
        }

        var message = new DirectMessage
        {
            Id = ids.Next(),
            ConversationId = conversationId,
            SenderId = senderId,
            Body = body,
            ImageKey = image?.Key,
            ImageWidth = image?.Width ?? 0,
            ImageHeight = image?.Height ?? 0,
            ClientId = clientId,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        db.OutboxMessages.Add(outbox.Wrap(new DirectMessageSent(message.Id, senderId, recipientId)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (clientId is not null && UniqueViolation.Is(error))
        {
            // The same message is already being stored by a concurrent retry: answer with that one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await queries.FindByClientIdAsync(senderId, clientId, cancellationToken) is { } stored
                ? stored
                : new Failure(FailureKind.Conflict, text["community.message.retry"]);
        }

        await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.UserId == senderId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastMessageAt, now).SetProperty(m => m.LastReadMessageId, message.Id), cancellationToken);
        await db.ConversationMembers.Where(m => m.ConversationId == conversationId && m.UserId == recipientId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastMessageAt, now).SetProperty(m => m.UnreadCount, m => m.UnreadCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var view = await queries.ViewAsync(message, cancellationToken);
        await live.MessageAsync(view, senderId, recipientId, cancellationToken);
        return view;
    }

    /// <summary>Why this pair cannot talk at all, or null when they can.</summary>
    private async Task<Failure?> CheckAsync(long senderId, long recipientId, CancellationToken cancellationToken)
    {
        if (senderId == recipientId)
        {
            return Failure.Invalid("to", text["community.message.self"]);
        }

        if (await users.FindAsync(recipientId, cancellationToken) is not { Closed: false })
        {
            return new Failure(FailureKind.NotFound, text["community.user.not_found"]);
        }

        return await db.BlockedBetweenAsync(senderId, recipientId, cancellationToken)
            ? new Failure(FailureKind.Forbidden, text["community.message.blocked"])
            : null;
    }

    /// <summary>Free to write once the recipient follows the sender or has written in this conversation.</summary>
    private async Task<bool> MayWriteAsync(long senderId, long recipientId, long conversationId, CancellationToken cancellationToken)
    {
        if (await db.Follows.AnyAsync(f => f.FollowerId == recipientId && f.FolloweeId == senderId, cancellationToken)
            || await db.Messages.AnyAsync(m => m.ConversationId == conversationId && m.SenderId == recipientId, cancellationToken))
        {
            return true;
        }

        return !await db.Messages.AnyAsync(m => m.ConversationId == conversationId && m.SenderId == senderId, cancellationToken);
    }

    private async Task<MediaAsset?> ImageAsync(long senderId, string? imageId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (imageId is null)
        {
            return null;
        }

        var image = ShortId.TryDecode(imageId, out var id)
            ? await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == senderId && m.Kind == MediaKind.Image, cancellationToken)
            : null;
        if (image is null)
        {
            errors.Add("imageId", text["community.note.media_unknown"]);
        }

        return image;
    }

    /// <summary>The pair's conversation, made with both members on first use; concurrent first messages share one.</summary>
    private async Task<long> ConversationAsync(long senderId, long recipientId, CancellationToken cancellationToken)
    {
        var (low, high) = Conversation.Pair(senderId, recipientId);
        var existing = await db.Conversations.Where(c => c.UserLow == low && c.UserHigh == high).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newId = ids.Next();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO community_conversations (id, user_low, user_high, created_at, last_message_at) VALUES ({newId}, {low}, {high}, {now}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (added == 1)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO community_conversation_members (conversation_id, user_id, peer_id, unread_count, last_read_message_id, last_message_at) VALUES ({newId}, {low}, {high}, 0, 0, {now}), ({newId}, {high}, {low}, 0, 0, {now})",
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await db.Conversations.Where(c => c.UserLow == low && c.UserHigh == high).Select(c => c.Id).FirstAsync(cancellationToken);
    }
}
