using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Realtime;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Messages;

/// <summary>Marks a conversation read up to its newest message; returns that message's id, or null if there was nothing.</summary>
internal sealed class ReadMessagesHandler(CommunityDb db, LiveUpdates live)
{
    public async Task<long?> HandleAsync(long userId, long peerId, CancellationToken cancellationToken)
    {
        var (low, high) = Conversation.Pair(userId, peerId);
        var conversationId = await db.Conversations.Where(c => c.UserLow == low && c.UserHigh == high).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (conversationId is not { } id)
        {
            return null;
        }

        var newest = await db.Messages.Where(m => m.ConversationId == id).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var changed = await db.ConversationMembers
            .Where(m => m.ConversationId == id && m.UserId == userId && (m.UnreadCount > 0 || m.LastReadMessageId < newest))
            .ExecuteUpdateAsync(
                u => u.SetProperty(m => m.LastReadMessageId, newest)
                    // A message that lands while this runs stays unread: only what was seen is cleared.
                    .SetProperty(m => m.UnreadCount, m => db.Messages.Count(x => x.ConversationId == id && x.SenderId == peerId && x.Id > newest)),
                cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        await live.ReadAsync(ShortId.Encode(userId), ShortId.Encode(newest), peerId, userId, cancellationToken);
        return newest;
    }
}
