using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>
/// Tells visitors who are not signed in apart for hot searches: by their address and a visitor cookie the server
/// issued (signed, so a client cannot make up new ones to count again). A search without a valid cookie gets one and
/// is not counted: traffic that throws cookies away, like a script repeating a query, never heats anything.
/// </summary>
internal sealed class Visitors(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "vermilion_visitor";

    private readonly IDataProtector _protector = protection.CreateProtector("Vermilion.Discovery.Search.Visitor");

    /// <summary>The visitor's counting key, or null for signed-in people and for visitors without a valid cookie (who get one).</summary>
    public string? Recognize(HttpContext http)
    {
        if (http.User.UserId() is not null)
        {
            return null;
        }

        if (http.Request.Cookies.TryGetValue(CookieName, out var cookie) && Read(cookie) is { } visitor)
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address + "|" + visitor)));
        }

        http.Response.Cookies.Append(CookieName, Issue(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Expires = clock.GetUtcNow().AddYears(1),
        });
        return null;
    }

    /// <summary>A new signed visitor cookie value.</summary>
    public string Issue() => _protector.Protect(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    private string? Read(string cookie)
    {
        try
        {
            return _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
