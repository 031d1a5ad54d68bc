using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Vermilion.Accounts.Sessions;

namespace Vermilion.Accounts.Pages.Account;

/// <summary>Opens a browser session and hands the browser its cookie.</summary>
internal static class CookieSignIn
{
    public static async Task SignInAsync(HttpContext http, SessionStore sessions, long userId)
    {
        var session = await sessions.OpenCookieAsync(userId, http.Request.Headers.UserAgent, http.RequestAborted);
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            session.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true });
    }

    /// <summary>Only a path on this site may be returned to, never another site.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
