using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Profiles;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Settings;

/// <summary>Receives the profile-privacy card of the settings page and goes back to it.</summary>
[Authorize]
internal sealed class TabPrivacyModel(TabPrivacySettings privacy) : PageModel
{
    public IActionResult OnGet() => Redirect("/settings#privacy");

    public async Task<IActionResult> OnPostAsync(bool collectedPrivate, bool likedPrivate)
    {
        await privacy.SetAsync(User.RequiredUserId(), new TabPrivacyView(collectedPrivate, likedPrivate), HttpContext.RequestAborted);
        return Redirect("/settings?saved=privacy#privacy");
    }
}
