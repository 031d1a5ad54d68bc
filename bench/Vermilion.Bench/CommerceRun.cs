using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Vermilion.Bench;

/// <summary>
/// The commerce benchmark: a flash sale stormed by N concurrent buyers (orders per second, latencies), the raw
/// conditional-decrement limit of the same database in the same run, and checkout latency under a steady load,
/// beside the trivial endpoint.
/// </summary>
internal static class CommerceRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> MainAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var baseUrl = Value("--base") ?? "http://127.0.0.1:5081";
        var provider = Value("--provider") ?? "sqlite";
        var connection = Value("--connection") ?? throw new ArgumentException("--connection is required");
        var buyers = int.Parse(Value("--buyers") ?? "2000", CultureInfo.InvariantCulture);
        var units = int.Parse(Value("--units") ?? "1000", CultureInfo.InvariantCulture);
        var connections = int.Parse(Value("--connections") ?? "64", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var uri = new Uri(baseUrl);
        if (!System.Net.IPAddress.TryParse(uri.Host, out var address) || !System.Net.IPAddress.IsLoopback(address))
        {
            Console.Error.WriteLine("Load is only ever sent to this machine's loopback addresses.");
            return 2;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(buyers, connections), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(120) };
        Console.Error.WriteLine($"  setting up a store and signing up {buyers} buyers ...");
        var shop = await Shop.SetUpAsync(http, units);
        var tokens = await Shop.SignUpManyAsync(http, buyers, 8);

        var baseline = await LoadRun.RunAsync(http, "baseline", "/api/ping", connections, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(2));
        Console.Error.WriteLine($"  baseline {baseline.RequestsPerSecond} req/s");

        await Parallel.ForEachAsync(tokens.Take(50), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (token, cancel) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/flash-sales/{shop.WarmUpSaleId}/orders") { Content = JsonContent.Create(new { address = Shop.Address }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancel);
        });

        // The storm: every buyer at once, one attempt each.
        var latencies = new long[buyers];
        var ok = 0;
        using var gate = new SemaphoreSlim(0);
        var storm = tokens.Select(async (token, i) =>
        {
            await gate.WaitAsync();
            var start = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/flash-sales/{shop.FlashSaleId}/orders") { Content = JsonContent.Create(new { address = Shop.Address }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            latencies[i] = Stopwatch.GetTimestamp() - start;
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref ok);
            }
        }).ToList();
        var watch = Stopwatch.StartNew();
        gate.Release(buyers);
        await Task.WhenAll(storm);
        var stormSeconds = watch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double Ms(double q) => Math.Round(latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))] * 1000.0 / Stopwatch.Frequency, 1);
        Console.Error.WriteLine($"  flash sale: {ok} orders of {units} units in {stormSeconds:F2} s");

        var raw = await RawDecrement.RunAsync(provider, connection, units, Math.Min(connections, 64));
        Console.Error.WriteLine($"  raw decrement: {raw.PerSecond}/s");

        var checkout = await CheckoutLoadAsync(http, tokens.Take(connections).ToList(), shop.SkuId, TimeSpan.FromSeconds(seconds));
        Console.Error.WriteLine($"  checkout: {checkout.RequestsPerSecond} req/s, p99 {checkout.P99Ms} ms");

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# commerce-{provider}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- data: small demo (300 people, 3,000 notes, 11 products) + {buyers} buyers, {provider}")
            .AppendLine(CultureInfo.InvariantCulture, $"- client on the same machine; the server and the database share its 2 cores")
            .AppendLine()
            .AppendLine("## Flash sale")
            .AppendLine()
            .AppendLine("| what | result |")
            .AppendLine("|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| buyers arriving at once | {buyers} (one attempt each; the path warmed up by a 50-unit sale first) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| units | {units} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| orders created | {ok} (oversold: {Math.Max(0, ok - units)}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| time for every buyer to get an answer | {stormSeconds:F2} s |")
            .AppendLine(CultureInfo.InvariantCulture, $"| flash-sale orders per second | {Math.Round(ok / stormSeconds, 1)} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| answer latency p50 / p95 / p99 / max | {Ms(0.5)} / {Ms(0.95)} / {Ms(0.99)} / {Ms(1)} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| raw database limit: bare conditional decrement, {Math.Min(connections, 64)} workers | {raw.PerSecond} decrements/s ({units} in {raw.Seconds} s) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| flash-sale orders vs raw decrements | {Math.Round(ok / stormSeconds / raw.PerSecond * 100, 1)} % |")
            .AppendLine()
            .AppendLine("## Checkout under load")
            .AppendLine()
            .AppendLine("| endpoint | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | throughput vs baseline |")
            .AppendLine("|---|---|---|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| baseline `GET /api/ping` | {baseline.RequestsPerSecond} | {baseline.P50Ms} | {baseline.P95Ms} | {baseline.P99Ms} | {baseline.MaxMs} | {baseline.Errors} | 100 % |")
            .AppendLine(CultureInfo.InvariantCulture, $"| checkout `POST /api/orders` ({connections} buyers in a loop) | {checkout.RequestsPerSecond} | {checkout.P50Ms} | {checkout.P95Ms} | {checkout.P99Ms} | {checkout.MaxMs} | {checkout.Errors} | {checkout.RequestsPerSecond / baseline.RequestsPerSecond:P1} |");
        var file = Path.Combine(Value("--out") ?? "bench/results", $"commerce-{provider}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToString());
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".json"), JsonSerializer.Serialize(new
        {
            Provider = provider, Buyers = buyers, Units = units, Orders = ok, StormSeconds = stormSeconds, RawPerSecond = raw.PerSecond,
            Baseline = baseline, Checkout = checkout, Machine = Machine.Describe(),
        }, Indented));
        Console.WriteLine(report);
        return ok == units ? 0 : 1;
    }

    private static async Task<LoadResult> CheckoutLoadAsync(HttpClient http, List<string> tokens, string skuId, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[tokens.Count];
        long errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async (token, w) =>
        {
            var mine = latencies[w] = [];
            while (Stopwatch.GetTimestamp() < deadline && mine.Count < 100_000)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
                {
                    Content = JsonContent.Create(new { items = new[] { new { skuId, quantity = 1 } }, address = Shop.Address }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                mine.Add(Stopwatch.GetTimestamp() - start);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        double At(double q) => all.Count == 0 ? double.NaN : Math.Round(all[Math.Min(all.Count - 1, (int)(q * all.Count))] * 1000.0 / Stopwatch.Frequency, 2);
        var seconds = watch.Elapsed.TotalSeconds;
        return new LoadResult("checkout", "/api/orders", tokens.Count, Math.Round(seconds, 2), all.Count, errors, Math.Round(all.Count / seconds, 1), At(0.5), At(0.95), At(0.99), At(1));
    }
}
