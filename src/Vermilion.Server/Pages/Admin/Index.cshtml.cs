using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Accounts.Contracts;

namespace Vermilion.Server.Pages.Admin;

/// <summary>
/// The operator's home (运营后台): each module puts a card in the <c>admin.desk</c> slot with what waits for an
/// operator and a link to where it is handled.
/// </summary>
[Authorize(Roles = Roles.Moderator + "," + Roles.Admin)]
public sealed class IndexModel : PageModel
{
    public const string Slot = "admin.desk";

    public void OnGet()
    {
    }
}
