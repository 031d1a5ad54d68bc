using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Settings;

/// <summary>Closing an account: a warning, the password, and an explicit tick, so it never happens by accident.</summary>
[Authorize]
internal sealed class CloseModel(DeleteAccountHandler delete, IStringLocalizer text) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? password, bool confirm)
    {
        if (!confirm)
        {
            ModelState.AddModelError("confirm", text["settings.close.must_confirm"]);
            return Page();
        }

        var outcome = await delete.HandleAsync(User.RequiredUserId(), new DeleteAccountRequest(password), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            FieldError.AddTo(ModelState, outcome.Failure!);
            return Page();
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/?closed=1");
    }
}
