using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Messages;

public sealed record MessageView(string Id, string SenderId, string RecipientId, string Body, string? ImageUrl, int ImageWidth, int ImageHeight, string? ClientId, DateTimeOffset SentAt);

public sealed record ConversationView(UserSummary Peer, MessageView? LastMessage, int UnreadCount, DateTimeOffset LastMessageAt);

/// <summary>A conversation as its page shows it: oldest first, where older pages start, and how far the peer has read.</summary>
public sealed record ThreadView(UserSummary Peer, IReadOnlyList<MessageView> Messages, string? Older, string? PeerReadUpTo, bool WaitingForReply);

/// <summary>Reads conversations and messages, always from one member's side.</summary>
internal sealed class MessageQueries(CommunityDb db, IUserDirectory users)
{
    public const int PageSize = 30;

    public async Task<IReadOnlyList<ConversationView>> ConversationsAsync(long userId, int take, CancellationToken cancellationToken)
    {
        var members = await db.ConversationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderByDescending(m => m.LastMessageAt).Take(take).ToListAsync(cancellationToken);
        var conversationIds = members.Select(m => m.ConversationId).ToList();
        var last = await db.Messages.AsNoTracking()
            .Where(m => conversationIds.Contains(m.ConversationId) && m.Id == db.Messages.Where(x => x.ConversationId == m.ConversationId).Max(x => x.Id))
            .ToDictionaryAsync(m => m.ConversationId, cancellationToken);
        var peers = await users.FindManyAsync([.. members.Select(m => m.PeerId)], cancellationToken);
        return [.. members
            .Where(m => last.ContainsKey(m.ConversationId))
            .Select(m => new ConversationView(
                peers.GetValueOrDefault(m.PeerId) ?? NoteNames.Unknown(m.PeerId),
                ToView(last[m.ConversationId], m.UserId, m.PeerId),
                m.UnreadCount,
                m.LastMessageAt))];
    }

    public async Task<ThreadView?> ThreadAsync(long userId, long peerId, string? before, CancellationToken cancellationToken)
    {
        var peer = await users.FindAsync(peerId, cancellationToken);
        if (peer is null)
        {
            return null;
        }

        var (low, high) = Conversation.Pair(userId, peerId);
        var conversationId = await db.Conversations.Where(c => c.UserLow == low && c.UserHigh == high).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (conversationId is not { } id)
        {
            return new ThreadView(peer, [], null, null, false);
        }

        var query = db.Messages.AsNoTracking().Where(m => m.ConversationId == id);
        if (ShortId.TryDecode(before ?? "", out var beforeId))
        {
            query = query.Where(m => m.Id < beforeId);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        rows = [.. rows.Take(PageSize).Reverse()];
        var peerRead = await db.ConversationMembers.Where(m => m.ConversationId == id && m.UserId == peerId).Select(m => m.LastReadMessageId).FirstOrDefaultAsync(cancellationToken);
        var waiting = !await db.Follows.AnyAsync(f => f.FollowerId == peerId && f.FolloweeId == userId, cancellationToken)
            && !await db.Messages.AnyAsync(m => m.ConversationId == id && m.SenderId == peerId, cancellationToken)
            && await db.Messages.AnyAsync(m => m.ConversationId == id && m.SenderId == userId, cancellationToken);
        return new ThreadView(
            peer,
            [.. rows.Select(m => ToView(m, m.SenderId, m.SenderId == userId ? peerId : userId))],
            more ? ShortId.Encode(rows[0].Id) : null,
            peerRead > 0 ? ShortId.Encode(peerRead) : null,
            waiting);
    }

    public async Task<MessageView?> FindByClientIdAsync(long senderId, string clientId, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.SenderId == senderId && m.ClientId == clientId, cancellationToken);
        return message is null ? null : await ViewAsync(message, cancellationToken);
    }

    public async Task<MessageView> ViewAsync(DirectMessage message, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
        var recipient = conversation.UserLow == message.SenderId ? conversation.UserHigh : conversation.UserLow;
        return ToView(message, message.SenderId, recipient);
    }

    private static MessageView ToView(DirectMessage m, long senderId, long recipientId) =>
        new(ShortId.Encode(m.Id), ShortId.Encode(senderId), ShortId.Encode(recipientId), m.Body,
            m.ImageKey is null ? null : "/media/" + m.ImageKey, m.ImageWidth, m.ImageHeight, m.ClientId, m.CreatedAt);
}
