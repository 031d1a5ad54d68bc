using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.SignUp;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Pages.Account;

[EnableRateLimiting(RateLimitPolicies.Auth)]
internal sealed class SignUpModel(SignUpHandler signUp, SessionStore sessions) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Nickname { get; set; }

    [BindProperty]
    public List<string> Interests { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Offered => Profiles.Interests.Offered;

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signUp.HandleAsync(new SignUpRequest(Username, Email, Password, Nickname, Interests), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            FieldError.AddTo(ModelState, outcome.Failure!);
            Password = null;
            return Page();
        }

        await CookieSignIn.SignInAsync(HttpContext, sessions, outcome.Value!.Id);
        return LocalRedirect(CookieSignIn.SafeReturn(ReturnUrl));
    }
}
