using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Notifications;

/// <summary>A notification as the list shows it: one sentence in the reader's language, who, what, and where it leads.</summary>
public sealed record NotificationView(
    string Id,
    string Category,
    string Type,
    UserSummary? Actor,
    int ActorCount,
    string Text,
    string? Excerpt,
    string? NoteId,
    string? NoteCoverUrl,
    string? Link,
    DateTimeOffset At,
    bool Unread);

internal sealed class NotificationQueries(CommunityDb db, IUserDirectory users, IStringLocalizer text)
{
    public const int PageSize = 20;

    public static readonly IReadOnlyDictionary<string, NotificationCategory> Categories = new Dictionary<string, NotificationCategory>(StringComparer.OrdinalIgnoreCase)
    {
        ["comments"] = NotificationCategory.Comments,
        ["likes"] = NotificationCategory.Likes,
        ["follows"] = NotificationCategory.Follows,
        ["system"] = NotificationCategory.System,
    };

    public async Task<Page<NotificationView>> ListAsync(long userId, NotificationCategory? category, string? cursor, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (category is { } only)
        {
            query = query.Where(n => n.Category == only);
        }

        if (Cursor.TryDecode(cursor, out var after))
        {
            var at = new DateTimeOffset(after.Key, TimeSpan.Zero);
            query = query.Where(n => n.UpdatedAt < at || (n.UpdatedAt == at && n.Id < after.Id));
        }

        var rows = await query.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        var actors = await users.FindManyAsync([.. rows.Where(r => r.ActorId is not null).Select(r => r.ActorId!.Value).Distinct()], cancellationToken);
        var noteIds = rows.Where(r => r.NoteId is not null).Select(r => r.NoteId!.Value).Distinct().ToList();
        var covers = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id) && n.Status != NoteStatus.Deleted)
            .ToDictionaryAsync(n => n.Id, NoteNames.CoverUrl, cancellationToken);
        var views = rows.Select(r => View(r, r.ActorId is { } a ? actors.GetValueOrDefault(a) : null, r.NoteId is { } n ? covers.GetValueOrDefault(n) : null)).ToList();
        return new Page<NotificationView>(views, more ? new Cursor(rows[^1].UpdatedAt.UtcTicks, rows[^1].Id).Encode() : null);
    }

    private NotificationView View(Notification n, UserSummary? actor, string? cover)
    {
        var name = actor?.Nickname ?? "";
        var sentence = n.Type switch
        {
            "order" or "notice" => Notice(n),
            _ when n.ActorCount > 1 => text[$"community.notification.{n.Type}_many", name, n.ActorCount - 1],
            _ => text[$"community.notification.{n.Type}", name],
        };
        var noteId = n.NoteId is { } id ? ShortId.Encode(id) : null;
        var link = n.Type switch
        {
            "order" or "notice" => n.Link,
            "follow" => actor is null ? null : "/user/" + actor.PublicId,
            "comment" or "reply" or "comment_mention" => $"/explore/{noteId}#comment-{ShortId.Encode(n.CommentId ?? 0)}",
            _ => "/explore/" + noteId,
        };
        var category = Categories.First(c => c.Value == n.Category).Key;
        return new NotificationView(ShortId.Encode(n.Id), category, n.Type, actor, n.ActorCount, sentence, n.Excerpt, noteId,
            noteId is null ? null : cover, link, n.UpdatedAt, n.ReadAt is null);
    }

    private string Notice(Notification n)
    {
        var arguments = n.TextArguments is null ? [] : JsonSerializer.Deserialize<string[]>(n.TextArguments) ?? [];
        return text[n.TextKey ?? "community.notification.notice", arguments];
    }
}
