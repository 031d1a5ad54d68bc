using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Boards;
using Vermilion.Community.Feeds;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Pages.Profiles;

/// <summary>A board (收藏专辑) and its notes; a private board shows only to its owner.</summary>
internal sealed class BoardModel(BoardHandler boards, FeedSources sources, IUserDirectory users, IStringLocalizer text) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    public UserSummary Owner { get; private set; } = null!;

    public FeedView Feed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!ShortId.TryDecode(id, out var boardId) || await boards.FindVisibleAsync(boardId, User.UserId(), HttpContext.RequestAborted) is not { } board
            || await users.FindAsync(board.OwnerId, HttpContext.RequestAborted) is not { } owner)
        {
            return NotFound();
        }

        (Board, Owner) = (boards.ToView(board), owner);
        var page = await sources.PageAsync("board:" + id, User.UserId(), null, HttpContext.RequestAborted);
        Feed = new FeedView(page!, "board:" + id, text["community.board.empty"]);
        return Page();
    }
}
