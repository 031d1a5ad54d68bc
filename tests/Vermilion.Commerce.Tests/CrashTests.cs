using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests;

/// <summary>
/// The server as a separate process, killed at random moments while buyers check out and pay, restarted each
/// time; buyers retry with the same Idempotency-Keys as a real client would. Afterwards the reconciliation (the
/// <c>reconcile</c> command, another process) must find no lost order, no double charge, no stock leak, and a
/// ledger that sums to zero.
/// </summary>
public sealed class CrashTests
{
    private const int Buyers = 8;
    private const int Kills = 5;

    private static string? LastError { get; set; }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task KilledAtRandomDuringCheckoutAndPay_ReconcilesAfterRestart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var server = new ServerProcess(database);
        await server.StartAsync();
        using var anonymous = server.Client();
        var merchant = await SignUpAsync(anonymous);
        var admin = await SignUpAsync(anonymous);
        Assert.Equal(0, (await server.RunCommandAsync("roles", "grant", admin.Username, "moderator")).ExitCode);
        var store = await (await merchant.Client.PostAsJsonAsync("/api/stores", new { name = "耐摔小店", kind = "individual", commissionBasisPoints = 500 })).JsonAsync();
        (await admin.Client.PostAsJsonAsync($"/api/stores/{store.GetProperty("id").GetString()}/decision", new { approve = true })).EnsureSuccessStatusCode();
        var product = await (await merchant.Client.PostAsJsonAsync("/api/products", new { title = "耐摔杯", onShelf = true, skus = new[] { new { specs = "色:白", price = 2900L, originalPrice = 0L, stock = 10_000 } } })).JsonAsync();
        var skuId = product.GetProperty("skus")[0].GetProperty("id").GetString();
        var buyers = new List<(HttpClient Client, string Username)>();
        for (var i = 0; i < Buyers; i++)
        {
            buyers.Add(await SignUpAsync(anonymous));
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var placed = 0;
        var load = buyers.Select(async buyer =>
        {
            var random = new Random(buyer.Username.GetHashCode(StringComparison.Ordinal));
            while (!stop.IsCancellationRequested)
            {
                var key = Guid.NewGuid().ToString();
                var orderId = await RetryAsync(() => PlaceAsync(buyer.Client, key, skuId!, random.Next(1, 4)), stop.Token);
                if (orderId is null)
                {
                    return;
                }

                Interlocked.Increment(ref placed);
                if (random.Next(5) == 0)
                {
                    continue; // some never pay: the timeout job closes them later
                }

                var payUrl = await RetryAsync(() => PayAsync(buyer.Client, orderId, key), stop.Token);
                if (payUrl is not null)
                {
                    await RetryAsync(() => PayOnSandboxPageAsync(buyer.Client, payUrl), stop.Token);
                }
            }
        }).ToList();

        // Kill the server at random moments, restart it, again and again (once the buyers are under way).
        while (Volatile.Read(ref placed) < Buyers && !stop.IsCancellationRequested)
        {
            await Task.Delay(100);
        }

        var killer = new Random(5);
        var kills = 0;
        while (kills < Kills && !stop.IsCancellationRequested)
        {
            await Task.Delay(killer.Next(1500, 4000));
            server.Kill();
            kills++;
            await server.StartAsync();
        }

        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        // A last quiet run lets the restarted server deliver what the crashes interrupted.
        await Task.Delay(TimeSpan.FromSeconds(4));
        server.Kill();

        var reconcile = await server.RunCommandAsync("reconcile");
        Assert.Equal(Kills, kills);
        Assert.True(placed > 10, $"only {placed} orders placed; last error: {LastError}");
        Assert.True(reconcile.ExitCode == 0, reconcile.Output);
        Assert.Contains("ledger.sum           0", reconcile.Output, StringComparison.Ordinal);
    }

    private static async Task<string?> PlaceAsync(HttpClient client, string key, string skuId, int quantity)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { items = new[] { new { skuId, quantity } }, address = new { name = "测", phone = "13800000000", region = "浙江", city = "杭州", line = "一号" } }),
        };
        message.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(message);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return (await response.JsonAsync()).GetProperty("orders")[0].GetProperty("id").GetString();
        }

        throw new HttpRequestException($"place: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"); // 409 in flight after a crash: retry
    }

    private static async Task<string?> PayAsync(HttpClient client, string orderId, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/pay");
        message.Headers.Add("Idempotency-Key", "pay-" + key);
        using var response = await client.SendAsync(message);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var payment = await response.JsonAsync();
            return payment.GetProperty("payUrl").ValueKind == JsonValueKind.String ? payment.GetProperty("payUrl").GetString() : "";
        }

        throw new HttpRequestException($"pay: {(int)response.StatusCode}");
    }

    private static async Task<string?> PayOnSandboxPageAsync(HttpClient client, string payUrl)
    {
        if (payUrl.Length == 0)
        {
            return "";
        }

        using var response = await client.PostFormAsync(payUrl, new Dictionary<string, string> { ["outcome"] = "pay" });
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found ? "" : throw new HttpRequestException("sandbox");
    }

    /// <summary>Retries through crashes (refused connections, 5xx, in-flight 409s) until it works or the run ends.</summary>
    private static async Task<string?> RetryAsync(Func<Task<string?>> action, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                return await action();
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                LastError = error.Message;
                await Task.Delay(200, CancellationToken.None);
            }
        }

        return null;
    }

    private static async Task<(HttpClient Client, string Username)> SignUpAsync(HttpClient anonymous)
    {
        var username = ApiClient.UniqueName("c");
        var response = await anonymous.PostAsJsonAsync("/api/auth/signup", new { username, password = ApiClient.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.JsonAsync()).GetProperty("token").GetString();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, username);
    }

    /// <summary>The real server executable on a loopback port, against the test's database.</summary>
    private sealed class ServerProcess(TestDatabase database)
    {
        private readonly int _port = FreePort();
        private Process? _process;

        public HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(10) };

        public async Task StartAsync()
        {
            _process = Process.Start(Info("--urls", $"http://127.0.0.1:{_port}"))!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            using var probe = Client();
            for (var i = 0; i < 300; i++)
            {
                try
                {
                    if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException("The server did not start.");
        }

        public void Kill()
        {
            _process?.Kill(entireProcessTree: true);
            _process?.WaitForExit();
            _process?.Dispose();
            _process = null;
        }

        public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
        {
            using var process = Process.Start(Info(args))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }

        private ProcessStartInfo Info(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__Vermilion"] = database.Settings.ConnectionString;
            start.Environment["Vermilion__DataDirectory"] = database.DataDirectory;
            start.Environment["Vermilion__SeedDemo"] = "false";
            start.Environment["Vermilion__RateLimits__PerClientPerSecond"] = "100000";
            start.Environment["Vermilion__RateLimits__PerClientBurst"] = "100000";
            start.Environment["Vermilion__RateLimits__AuthPerMinute"] = "100000";
            start.Environment["Commerce__JobIntervalSeconds"] = "2";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            return start;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
