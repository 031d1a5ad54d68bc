using Vermilion.Community.Messages;
using Vermilion.Community.Notifications;

namespace Vermilion.Community.Realtime;

/// <summary>What the platform pushes to a person's open tabs, by name: the client listens for these methods.</summary>
internal sealed class LiveUpdates(LivePush push, UnreadCountsQuery unread)
{
    /// <summary>The badges changed: a notification arrived, or messages were sent or read.</summary>
    public async Task CountsAsync(long userId, CancellationToken cancellationToken) =>
        await push.SendAsync(userId, "counts", await unread.ForAsync(userId, cancellationToken));

    /// <summary>A message, to both people (the sender's other tabs show it too), then the recipient's new badge.</summary>
    public async Task MessageAsync(MessageView message, long senderId, long recipientId, CancellationToken cancellationToken)
    {
        await push.SendAsync(recipientId, "message", message);
        await push.SendAsync(senderId, "message", message);
        await CountsAsync(recipientId, cancellationToken);
    }

    /// <summary>The reader has seen the conversation up to a message: the writer's tabs show it as read.</summary>
    public async Task ReadAsync(string readerId, string upTo, long writerId, long readerUserId, CancellationToken cancellationToken)
    {
        await push.SendAsync(writerId, "read", new { by = readerId, upTo });
        await CountsAsync(readerUserId, cancellationToken);
    }
}
