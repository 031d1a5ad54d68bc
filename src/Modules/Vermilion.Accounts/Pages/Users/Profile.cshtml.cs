using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Accounts.Profiles;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Users;

internal sealed class ProfileModel(ProfileQueries queries) : PageModel
{
    public UserView Person { get; private set; } = null!;

    public bool IsMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var found = ShortId.TryDecode(id, out var userId) ? await queries.FindAsync(userId, HttpContext.RequestAborted) : null;
        if (found is not { } f)
        {
            return NotFound();
        }

        Person = UserViews.ToView(f.User, f.Profile);
        IsMe = User.UserId() == userId;
        return Page();
    }
}
