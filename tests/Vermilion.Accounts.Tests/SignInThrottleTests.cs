using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Accounts.Tests;

/// <summary>Wrong passwords slow the next attempt from that address and never lock the account (OWASP ASVS 5.0 §6.3).</summary>
public sealed class SignInThrottleTests
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WrongPasswords_FromOneAddress_Are429WithARetryAfterThatGrows_NeverLocked(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var app = await VermilionApp.StartAsync(provider, clock: clock);
        var (_, _, username) = await app.SignUpAsync();
        var attacker = PeerAddress.ClientFrom(app, Attacker);

        var first = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            first.Add(await TokenAsync(attacker, username, "not-the-password"));
        }

        var firstWait = first[^1].Headers.RetryAfter?.Delta;
        clock.Advance(firstWait ?? TimeSpan.Zero);
        var checkedAgain = await TokenAsync(attacker, username, "not-the-password");
        var secondWait = (await TokenAsync(attacker, username, "not-the-password")).Headers.RetryAfter?.Delta;

        Assert.All(first.Take(3), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All(first.Skip(3), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(first, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(TimeSpan.FromSeconds(1), firstWait);
        Assert.Equal(HttpStatusCode.Unauthorized, checkedAgain.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), secondWait);
        Assert.Contains("password", (await first[^1].JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Owner_FromAnotherAddress_SignsIn_WhileTheAttackersAddressIsThrottled(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var app = await VermilionApp.StartAsync(provider, clock: clock);
        var (_, _, username) = await app.SignUpAsync();
        var attacker = PeerAddress.ClientFrom(app, Attacker);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await TokenAsync(attacker, username, "guess-" + i)).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var owner = await TokenAsync(PeerAddress.ClientFrom(app, Owner), username, ApiClient.Password);
        var attackerWithTheRightPassword = await TokenAsync(attacker, username, ApiClient.Password);

        Assert.DoesNotContain(HttpStatusCode.Locked, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithTheRightPassword.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RightPassword_StartsTheAddressAfresh(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var app = await VermilionApp.StartAsync(provider, clock: clock);
        var (_, _, username) = await app.SignUpAsync();
        var owner = PeerAddress.ClientFrom(app, Owner);

        for (var i = 0; i < 3; i++)
        {
            await TokenAsync(owner, username, "typo-" + i);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var right = await TokenAsync(owner, username, ApiClient.Password);
        var wrongAgain = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            wrongAgain.Add((await TokenAsync(owner, username, "typo-" + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.All(wrongAgain, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ManyAddresses_SlowTheAccount_ButNeverLockIt_AndAKnownAddressIsNotSlowed(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var app = await VermilionApp.StartAsync(provider, clock: clock);
        var (_, _, username) = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(PeerAddress.ClientFrom(app, Owner), username, ApiClient.Password)).StatusCode);

        for (var i = 0; i < 30; i++)
        {
            await TokenAsync(PeerAddress.ClientFrom(app, $"192.0.2.{i + 1}"), username, "guess-" + i);
        }

        var newAddress = PeerAddress.ClientFrom(app, "192.0.2.200");
        var slowed = await TokenAsync(newAddress, username, ApiClient.Password);
        var knownAddress = await TokenAsync(PeerAddress.ClientFrom(app, Owner), username, ApiClient.Password);
        clock.Advance(slowed.Headers.RetryAfter?.Delta ?? TimeSpan.Zero);
        var afterTheWait = await TokenAsync(newAddress, username, ApiClient.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.InRange(slowed.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, knownAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTheWait.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ParallelWrongPasswords_AreCountedOneByOne(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, clock: new ManualClock());
        var (_, _, username) = await app.SignUpAsync();
        var attacker = PeerAddress.ClientFrom(app, Attacker);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => TokenAsync(attacker, username, "guess-" + i)));

        var checkedPasswords = responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        Assert.InRange(checkedPasswords, 1, 3);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Owner_HearsOfARunOfWrongPasswords_OncePerRun(DatabaseProvider provider)
    {
        var clock = new ManualClock();
        await using var app = await VermilionApp.StartAsync(provider, clock: clock);
        var (owner, _, username) = await app.SignUpAsync();

        for (var i = 0; i < 12; i++)
        {
            await TokenAsync(PeerAddress.ClientFrom(app, $"192.0.2.{i + 1}"), username, "guess-" + i);
        }

        var lines = await Eventually.ValueAsync(() => SystemNoticesAsync(owner), l => l.Count > 0, "a notice of the wrong passwords");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var afterMore = await SystemNoticesAsync(owner);

        Assert.Single(lines);
        Assert.Single(afterMore);
        Assert.Contains("5", lines[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignInPage_WhenThrottled_Is429WithRetryAfterAndAMessageAtThePassword(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, clock: new ManualClock());
        var (_, _, username) = await app.SignUpAsync();
        var browser = PeerAddress.ClientFrom(app, Attacker);

        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await browser.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Login"] = username, ["Password"] = "guess-" + i });
        }

        var page = await last!.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Matches("data-for=\"password\">密码错误次数过多，请 \\d+ 秒后再试<", page);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string login, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { login, password });

    private static async Task<List<JsonElement>> SystemNoticesAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/notifications?category=system")).JsonAsync()).GetProperty("items").EnumerateArray()];
}
