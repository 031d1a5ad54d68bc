using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Vermilion.Community.Messages;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Realtime;

/// <summary>
/// A signed-in person's live channel (<c>/hubs/me</c>): new notifications and their counts, direct messages as
/// they arrive, and read receipts. Every tab a person has open is one connection in their user group.
/// </summary>
[Authorize]
internal sealed class PersonHub(SendMessageHandler send) : Hub
{
    public const string Path = "/hubs/me";

    /// <summary>Sends a direct message; answers with the stored message, or fails with the reason to show.</summary>
    public async Task<MessageView> SendMessage(string to, MessageRequest request)
    {
        var sender = Context.User?.UserId() ?? throw new HubException("Unauthorized");
        if (!ShortId.TryDecode(to, out var recipient))
        {
            throw new HubException(NotFound);
        }

        var outcome = await send.HandleAsync(sender, recipient, request ?? new MessageRequest(), Context.ConnectionAborted);
        return outcome.Succeeded ? outcome.Value! : throw new HubException(outcome.Failure!.Fields?.All.FirstOrDefault().Value is { Count: > 0 } m ? m[0] : outcome.Failure.Message);
    }

    private const string NotFound = "Not found";
}

/// <summary>SignalR's user of a connection is our user id claim, so the server can push to a person.</summary>
internal sealed class UserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User.UserId() is { } id ? id.ToString(CultureInfo.InvariantCulture) : null;
}
