using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Notifications;
using Vermilion.Community.Realtime;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        notifications.MapGet("", ListAsync).WithSummary("Your notifications, newest first; category = comments | likes | follows | system.");
        notifications.MapGet("/unread", (HttpContext http, UnreadCountsQuery unread) => unread.ForAsync(http.User.RequiredUserId(), http.RequestAborted))
            .WithSummary("Unread counts per notification tab and in messages (the badges).");
        notifications.MapPost("/read", ReadAsync).WithSummary("Mark a tab (or, without category, everything) as read.");
    }

    private static async Task<IResult> ListAsync(string? category, string? cursor, HttpContext http, NotificationQueries queries, IStringLocalizer text)
    {
        if (!TryCategory(category, out var only))
        {
            return Problems.From(Failure.Invalid("category", text["community.notification.category"]));
        }

        return TypedResults.Ok(await queries.ListAsync(http.User.RequiredUserId(), only, cursor, http.RequestAborted));
    }

    private static async Task<IResult> ReadAsync(string? category, HttpContext http, MarkNotificationsReadHandler read, LiveUpdates live, IStringLocalizer text)
    {
        if (!TryCategory(category, out var only))
        {
            return Problems.From(Failure.Invalid("category", text["community.notification.category"]));
        }

        var me = http.User.RequiredUserId();
        var changed = await read.HandleAsync(me, only, http.RequestAborted);
        if (changed > 0)
        {
            await live.CountsAsync(me, http.RequestAborted);
        }

        return TypedResults.NoContent();
    }

    /// <summary>No category means every tab; an unknown one is refused.</summary>
    private static bool TryCategory(string? value, out NotificationCategory? category)
    {
        category = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!NotificationQueries.Categories.TryGetValue(value, out var parsed))
        {
            return false;
        }

        category = parsed;
        return true;
    }
}
