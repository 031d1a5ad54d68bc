using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Paging;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Profiles;

/// <summary>Who follows a person, or whom they follow, newest first.</summary>
internal sealed class PeopleModel(IUserDirectory users, SocialQueries social) : PageModel
{
    public UserSummary Person { get; private set; } = null!;

    public string List { get; private set; } = "followers";

    public Page<PersonInList> People { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(string id, string list, string? cursor)
    {
        if (!ShortId.TryDecode(id, out var userId) || await users.FindAsync(userId, HttpContext.RequestAborted) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        List = list;
        People = list == "following"
            ? await social.FollowingAsync(userId, User.UserId(), cursor, HttpContext.RequestAborted)
            : await social.FollowersAsync(userId, User.UserId(), cursor, HttpContext.RequestAborted);
        return Page();
    }
}
