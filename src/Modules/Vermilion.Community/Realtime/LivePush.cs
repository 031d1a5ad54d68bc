using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Vermilion.Community.Realtime;

/// <summary>
/// Pushes to a person's open tabs. Pushing is best effort and happens after the change is committed: a person
/// who is offline, or whose push is lost, sees the same state from the database on the next page load.
/// </summary>
internal sealed partial class LivePush(IHubContext<PersonHub> hub, ILogger<LivePush> logger)
{
    public async Task SendAsync(long userId, string method, object payload)
    {
        try
        {
            await hub.Clients.User(userId.ToString(CultureInfo.InvariantCulture)).SendAsync(method, payload);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogPushFailed(logger, method, userId, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push {Method} to user {UserId} failed.")]
    private static partial void LogPushFailed(ILogger logger, string method, long userId, Exception error);
}
