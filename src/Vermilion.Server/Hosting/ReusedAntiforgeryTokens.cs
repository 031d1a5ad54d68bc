using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vermilion.Kernel.Web;

namespace Vermilion.Server.Hosting;

/// <summary>
/// Every page a signed-in person opens carries an anti-forgery request token. Making one decrypts the browser's
/// cookie token and encrypts a new request token: an eighth of a signed-in note page's time (see
/// <c>bench/results/note-page-profile.md</c>). A request token is valid for as long as its cookie token and its
/// person are the same, so the one made for a (cookie token, person) pair is handed out again for
/// <see cref="Life"/> instead of being made anew on every page. Checking a submitted token is unchanged.
/// </summary>
internal sealed class ReusedAntiforgeryTokens(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromMinutes(10);

    private readonly MemoryCache tokens = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var person = Person(httpContext.User);
        var cookie = httpContext.Request.Cookies[options.Value.Cookie.Name!];
        if (person is not null && cookie is not null && tokens.TryGetValue(new Pair(cookie, person), out string? requestToken) && requestToken is not null)
        {
            if (!httpContext.Response.HasStarted)
            {
                // As the framework does whenever it hands out a token: a response that carries one is never cached.
                httpContext.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
                httpContext.Response.Headers[HeaderNames.Pragma] = "no-cache";
            }

            return new AntiforgeryTokenSet(requestToken, null, options.Value.FormFieldName, options.Value.HeaderName);
        }

        var made = inner.GetAndStoreTokens(httpContext);
        // A new cookie token (the first page, or an unreadable cookie) is the one the browser sends from now on.
        var heldCookie = made.CookieToken ?? cookie;
        if (person is not null && heldCookie is not null && made.RequestToken is not null)
        {
            tokens.Set(new Pair(heldCookie, person), made.RequestToken, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 });
        }

        return made;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => tokens.Dispose();

    /// <summary>
    /// What a request token is bound to: the framework binds it to all of the signed-in identity's claims (ours carry
    /// no "sub" or name identifier, so it takes every claim, the session's id among them), so the key is all of them
    /// too; a new session of the same person, or a changed role, gets a token of its own. Null when anonymous.
    /// </summary>
    private static string? Person(ClaimsPrincipal user)
    {
        if (user.UserId() is null)
        {
            return null;
        }

        var key = new System.Text.StringBuilder();
        foreach (var identity in user.Identities)
        {
            key.Append(identity.AuthenticationType).Append('\u001d');
            foreach (var claim in identity.Claims)
            {
                key.Append(claim.Type).Append('\u001f').Append(claim.Value).Append('\u001f').Append(claim.Issuer).Append('\u001e');
            }
        }

        return key.ToString();
    }

    private sealed record Pair(string CookieToken, string Person);
}

internal static class ReusedAntiforgeryTokensSetup
{
    /// <summary>Wraps the framework's anti-forgery service (registered by <c>AddAntiforgery</c>) in <see cref="ReusedAntiforgeryTokens"/>.</summary>
    public static IServiceCollection ReuseAntiforgeryTokens(this IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        var implementation = framework.ImplementationType ?? throw new InvalidOperationException("The anti-forgery service is not registered by type.");
        services.RemoveAll<IAntiforgery>();
        services.AddSingleton(implementation);
        services.AddSingleton<IAntiforgery>(sp => new ReusedAntiforgeryTokens(
            (IAntiforgery)sp.GetRequiredService(implementation), sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
        return services;
    }
}
