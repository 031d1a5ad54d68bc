using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vermilion.Accounts.Sessions;

/// <summary>Authenticates API calls by an opaque bearer token that maps to a live session.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionStore sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var session = await sessions.FindByTokenAsync(token, Context.RequestAborted);
        return session is null
            ? AuthenticateResult.Fail("Unknown, expired or revoked token.")
            : AuthenticateResult.Success(new AuthenticationTicket(session.ToPrincipal(SchemeName), SchemeName));
    }
}
