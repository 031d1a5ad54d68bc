using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.SignIn;
using Vermilion.Accounts.SignUp;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Api;

/// <summary>The token a client keeps, with the account it belongs to.</summary>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, MeView User);

internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").DisableAntiforgery();
        auth.MapPost("/signup", SignUpAsync).RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Create an account and get a bearer token.");
        auth.MapPost("/token", TokenAsync).RequireRateLimiting(RateLimitPolicies.Auth)
            .WithSummary("Exchange a username or e-mail and password for a bearer token.");
        auth.MapPost("/signout", SignOutAsync).RequireAuthorization()
            .WithSummary("End this session (the token or cookie that made the request).");
        auth.MapPost("/signout-everywhere", SignOutEverywhereAsync).RequireAuthorization()
            .WithSummary("End every session of the signed-in person, on every device.");
    }

    private static async Task<IResult> SignUpAsync(SignUpRequest request, SignUpHandler signUp, SessionStore sessions, HttpContext http)
    {
        var outcome = await signUp.HandleAsync(request, http.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Failure!);
        }

        var user = outcome.Value!;
        var (token, expires) = await sessions.OpenTokenAsync(user.Id, http.Request.Headers.UserAgent, http.RequestAborted);
        var me = await MeOfAsync(http, user.Id);
        return TypedResults.Created($"/api/users/{me.Profile.Id}", new TokenResponse(token, expires, me));
    }

    private static async Task<IResult> TokenAsync(SignInRequest request, SignInHandler signIn, SessionStore sessions, HttpContext http)
    {
        var outcome = await signIn.HandleAsync(request, http.Connection.RemoteIpAddress, http.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Problems.From(outcome.Failure!);
        }

        var (token, expires) = await sessions.OpenTokenAsync(outcome.Value!.Id, http.Request.Headers.UserAgent, http.RequestAborted);
        return TypedResults.Ok(new TokenResponse(token, expires, await MeOfAsync(http, outcome.Value.Id)));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, SessionStore sessions)
    {
        if (http.User.SessionId() is { } sessionId)
        {
            await sessions.RevokeAsync(sessionId, http.RequestAborted);
        }

        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> SignOutEverywhereAsync(HttpContext http, SessionStore sessions)
    {
        await sessions.RevokeAllAsync(http.User.RequiredUserId(), except: null, http.RequestAborted);
        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return TypedResults.NoContent();
    }

    private static async Task<MeView> MeOfAsync(HttpContext http, long userId)
    {
        var queries = http.RequestServices.GetService(typeof(ProfileQueries)) as ProfileQueries
            ?? throw new InvalidOperationException("ProfileQueries is not registered.");
        var found = await queries.FindAsync(userId, http.RequestAborted) ?? throw new InvalidOperationException("A new account vanished.");
        return UserViews.ToMe(found.User, found.Profile);
    }
}
