using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Messages;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class MessageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization();
        messages.MapGet("", (HttpContext http, MessageQueries queries) => queries.ConversationsAsync(http.User.RequiredUserId(), 100, http.RequestAborted))
            .WithSummary("Your conversations, most recent first, with unread counts.");
        messages.MapGet("/{userId}", ThreadAsync).WithSummary("Your conversation with someone, newest page first (before = an older page).");
        messages.MapPost("/{userId}", SendAsync).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Send a message (text and/or an uploaded image id); stored before it is acknowledged. Repeat with the same clientId to retry safely.");
        messages.MapPost("/{userId}/read", ReadAsync).WithSummary("Mark your conversation with someone as read.");
    }

    private static async Task<IResult> ThreadAsync(string userId, string? before, HttpContext http, MessageQueries queries, IStringLocalizer text) =>
        ApiIds.Parse(userId) is { } peer && await queries.ThreadAsync(http.User.RequiredUserId(), peer, before, http.RequestAborted) is { } thread
            ? TypedResults.Ok(thread)
            : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> SendAsync(string userId, MessageRequest request, HttpContext http, SendMessageHandler send, IStringLocalizer text) =>
        ApiIds.Parse(userId) is { } peer
            ? (await send.HandleAsync(http.User.RequiredUserId(), peer, request, http.RequestAborted)).Match(m => TypedResults.Created($"/api/messages/{userId}", m))
            : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> ReadAsync(string userId, HttpContext http, ReadMessagesHandler read, IStringLocalizer text)
    {
        if (ApiIds.Parse(userId) is not { } peer)
        {
            return ApiIds.NotFound(text, "community.user.not_found");
        }

        var upTo = await read.HandleAsync(http.User.RequiredUserId(), peer, http.RequestAborted);
        return TypedResults.Ok(new { readUpTo = upTo is { } id ? ShortId.Encode(id) : null });
    }
}
