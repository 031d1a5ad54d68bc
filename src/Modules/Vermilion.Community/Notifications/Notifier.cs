using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Community.Realtime;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Notifications;

/// <summary>Notices from other modules (orders, stores, moderation) into the system tab; each dedupe key is stored once.</summary>
internal sealed class Notifier(CommunityDb db, NotificationWriter writer, LiveUpdates live) : INotifier
{
    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var draft = new NotificationDraft(
            notice.UserId,
            NotificationCategory.System,
            notice.Kind == INotifier.Orders ? "order" : "notice",
            "notice:" + notice.DedupeKey,
            ActorId: null,
            TextKey: notice.TextKey,
            TextArguments: JsonSerializer.Serialize(notice.Arguments),
            Link: notice.Link,
            DedupeKey: notice.DedupeKey);
        if (!await writer.AddAsync(draft, cancellationToken))
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            db.ChangeTracker.Clear();
            return; // the same notice, sent at the same moment by another delivery
        }

        await live.CountsAsync(notice.UserId, cancellationToken);
    }
}
