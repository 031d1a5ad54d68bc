using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>Behind nginx terminating TLS: the forwarded client and scheme count from a known proxy only.</summary>
public sealed class ProxyTests
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "198.51.100.99";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForwardedHttps_FromAKnownProxy_GivesASecureSessionCookieAndHsts(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?> { ["Vermilion:Proxy:KnownProxies"] = Proxy });
        var (_, _, username) = await app.SignUpAsync();

        var signedIn = await SignInByFormAsync(app, Proxy, username);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(SessionCookie(signedIn), a => a.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", signedIn.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForwardedHttps_FromAnUnknownAddress_IsIgnored(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?> { ["Vermilion:Proxy:KnownProxies"] = Proxy });
        var (_, _, username) = await app.SignUpAsync();

        var signedIn = await SignInByFormAsync(app, Stranger, username);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain(SessionCookie(signedIn), a => a.Equals("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(signedIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RateLimits_SeeTheForwardedClient_OnlyThroughAKnownProxy(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Vermilion:Proxy:KnownProxies"] = Proxy,
            ["Vermilion:RateLimits:AuthPerMinute"] = "2",
        });

        var throughProxy = new List<HttpStatusCode>();
        var fromStranger = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            throughProxy.Add(await TokenAsync(app, Proxy, $"203.0.113.{i + 1}"));
            fromStranger.Add(await TokenAsync(app, Stranger, $"192.0.2.{i + 1}"));
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, throughProxy);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromStranger[^1]);
    }

    private static async Task<HttpStatusCode> TokenAsync(VermilionApp app, string peer, string client)
    {
        using var http = Client(app, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return (await http.PostAsJsonAsync("/api/auth/token", new { login = "nobody_here", password = "whatever-it-is" })).StatusCode;
    }

    /// <summary>The browser's sign-in, through a proxy that says the client spoke HTTPS; cookies are handled by hand to see them.</summary>
    private static async Task<HttpResponseMessage> SignInByFormAsync(VermilionApp app, string peer, string username)
    {
        using var http = Client(app, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await http.GetAsync("/account/signin");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = username,
                ["Password"] = ApiClient.Password,
                ["__RequestVerificationToken"] = Forms.Token(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        return await http.SendAsync(post);
    }

    private static HttpClient Client(VermilionApp app, string peer)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://vermilion.example"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        http.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        return http;
    }

    private static string[] SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vermilion.auth=", StringComparison.Ordinal))
            .Split(';', StringSplitOptions.TrimEntries);
}
