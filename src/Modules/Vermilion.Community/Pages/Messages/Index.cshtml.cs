using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Messages;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Messages;

/// <summary>Direct messages: the conversation list beside the open conversation, both kept live.</summary>
[Authorize]
internal sealed class IndexModel(MessageQueries queries, SocialQueries social, ReadMessagesHandler read) : PageModel
{
    public IReadOnlyList<ConversationView> Conversations { get; private set; } = [];

    public ThreadView? Thread { get; private set; }

    /// <summary>Either side has blocked the other: the composer is closed.</summary>
    public bool Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? to)
    {
        var me = User.RequiredUserId();
        if (to is not null)
        {
            if (!ShortId.TryDecode(to, out var peer) || peer == me || await queries.ThreadAsync(me, peer, null, HttpContext.RequestAborted) is not { } thread)
            {
                return NotFound();
            }

            Thread = thread;
            var relation = await social.SummaryAsync(peer, me, HttpContext.RequestAborted);
            Blocked = relation.Blocked || relation.BlockedYou;
            await read.HandleAsync(me, peer, HttpContext.RequestAborted);
        }

        Conversations = await queries.ConversationsAsync(me, 100, HttpContext.RequestAborted);
        return Page();
    }
}
