using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Notifications;

/// <summary>Reading a tab closes its open lines: the next like of the same note starts a new line.</summary>
internal sealed class MarkNotificationsReadHandler(CommunityDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(long userId, NotificationCategory? category, CancellationToken cancellationToken)
    {
        var unread = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (category is { } only)
        {
            unread = unread.Where(n => n.Category == only);
        }

        var now = clock.GetUtcNow();
        return await unread.ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
