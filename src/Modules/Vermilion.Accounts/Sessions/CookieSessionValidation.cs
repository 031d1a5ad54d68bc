using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Sessions;

/// <summary>Rejects a browser cookie whose session has ended, and refreshes its roles from the live session.</summary>
internal static class CookieSessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.SessionId();
        var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var session = sessionId is { } id ? await store.FindLiveAsync(id, context.HttpContext.RequestAborted) : null;
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(session.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
