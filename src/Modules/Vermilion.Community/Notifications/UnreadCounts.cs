using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Notifications;

/// <summary>What a person has not seen yet, per notification tab and in their messages: the badges.</summary>
public sealed record UnreadCounts(int Comments, int Likes, int Follows, int System, int Messages)
{
    public int Notifications => Comments + Likes + Follows + System;
}

internal sealed class UnreadCountsQuery(CommunityDb db)
{
    public async Task<UnreadCounts> ForAsync(long userId, CancellationToken cancellationToken)
    {
        var byCategory = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .GroupBy(n => n.Category).Select(g => new { Category = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Category, g => g.Count, cancellationToken);
        var messages = await db.ConversationMembers.Where(m => m.UserId == userId).SumAsync(m => m.UnreadCount, cancellationToken);
        return new UnreadCounts(
            byCategory.GetValueOrDefault(NotificationCategory.Comments),
            byCategory.GetValueOrDefault(NotificationCategory.Likes),
            byCategory.GetValueOrDefault(NotificationCategory.Follows),
            byCategory.GetValueOrDefault(NotificationCategory.System),
            messages);
    }
}
