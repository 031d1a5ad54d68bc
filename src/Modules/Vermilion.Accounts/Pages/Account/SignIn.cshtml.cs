using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.SignIn;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.Auth)]
internal sealed class SignInModel(SignInHandler signIn, SessionStore sessions) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.HandleAsync(new SignInRequest(Login, Password), HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            var failure = outcome.Failure!;
            FieldError.AddTo(ModelState, failure);
            Password = null;
            if (failure.RetryAfter is { } wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Failure.Seconds(wait).ToString(CultureInfo.InvariantCulture);
            }

            return Page();
        }

        await CookieSignIn.SignInAsync(HttpContext, sessions, outcome.Value!.Id);
        return LocalRedirect(CookieSignIn.SafeReturn(ReturnUrl));
    }
}
