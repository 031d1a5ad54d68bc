using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Accounts.Sessions;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Account;

/// <summary>Signing out is a POST with an anti-forgery token, so no other site can sign a person out.</summary>
internal sealed class SignOutModel(SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => User.UserId() is null ? LocalRedirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.SessionId() is { } sessionId)
        {
            await sessions.RevokeAsync(sessionId, HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
