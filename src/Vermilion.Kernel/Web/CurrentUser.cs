using System.Security.Claims;

namespace Vermilion.Kernel.Web;

/// <summary>The claims every module reads from a signed-in principal, whichever scheme signed it in.</summary>
public static class CurrentUser
{
    public const string UserIdClaim = "uid";
    public const string SessionIdClaim = "sid";
    public const string NameClaim = "name";

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(UserIdClaim), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static long? SessionId(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionIdClaim), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static long RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}
