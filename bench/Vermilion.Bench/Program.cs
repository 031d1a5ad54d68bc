using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Vermilion.Bench;

// Usage: load --base http://127.0.0.1:5081 --name <run> --data "<what the database holds>"
//             --target "name=/path" [--target ...] [--baseline /api/ping] [--connections 64] [--seconds 10] [--out bench/results]
//             [--header "Authorization: Bearer ..."] [--tokens FILE (one bearer token per line; connection i uses line i)]
if (args.Length > 0 && args[0] == "commerce")
{
    return await CommerceRun.MainAsync(args);
}

if (args.Length > 0 && args[0] == "media")
{
    return await MediaRun.MainAsync(args);
}

var options = Options.Parse(args);
if (options is null || args.Length == 0 || args[0] != "load")
{
    Console.Error.WriteLine("usage: load --base URL --name RUN --data TEXT --target name=/path [...] [--baseline /api/ping] [--connections 64] [--seconds 10] [--out DIR]");
    return 2;
}

var baseUri = new Uri(options.Base);
if (!IPAddress.TryParse(baseUri.Host, out var address) ? baseUri.Host != "localhost" : !IPAddress.IsLoopback(address))
{
    Console.Error.WriteLine("Load is only ever sent to this machine's loopback addresses.");
    return 2;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
foreach (var (name, value) in options.Headers)
{
    client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
}

var loadBefore = Machine.LoadAverage();
var results = new List<LoadResult>();
var duration = TimeSpan.FromSeconds(options.Seconds);
var warmUp = TimeSpan.FromSeconds(Math.Min(3, options.Seconds));
foreach (var (name, path) in options.Targets.Prepend(("baseline", options.Baseline)))
{
    Console.Error.Write($"  {name,-24} {path} ... ");
    var result = await LoadRun.RunAsync(client, name, path, options.Connections, duration, warmUp, options.Tokens);
    results.Add(result);
    Console.Error.WriteLine($"{result.RequestsPerSecond} req/s, p99 {result.P99Ms} ms, errors {result.Errors}");
}

var baseline = results[0];
var stamp = DateTimeOffset.UtcNow;
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# {options.Name}")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"- date: {stamp:yyyy-MM-dd HH:mm} UTC")
    .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Machine.Describe()}")
    .AppendLine(CultureInfo.InvariantCulture, $"- load average when the run began: {loadBefore}")
    .AppendLine(CultureInfo.InvariantCulture, $"- data: {options.Data}")
    .AppendLine(CultureInfo.InvariantCulture, $"- load: {options.Connections} connections, {options.Seconds} s per endpoint after a {warmUp.TotalSeconds} s warm-up, client on the same machine")
    .AppendLine()
    .AppendLine("| endpoint | path | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | throughput vs baseline |")
    .AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {r.Name} | `{r.Path}` | {r.RequestsPerSecond} | {r.P50Ms} | {r.P95Ms} | {r.P99Ms} | {r.MaxMs} | {r.Errors} | {r.RequestsPerSecond / baseline.RequestsPerSecond:P1} |");
}

Directory.CreateDirectory(options.Out);
var file = Path.Combine(options.Out, $"{options.Name}.md");
await File.WriteAllTextAsync(file, report.ToString());
await File.WriteAllTextAsync(Path.ChangeExtension(file, ".json"), JsonSerializer.Serialize(new
{
    options.Name,
    Date = stamp,
    Machine = Machine.Describe(),
    LoadAverageBefore = loadBefore,
    options.Data,
    options.Connections,
    options.Seconds,
    Results = results,
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine(report);
return results.Any(r => r.Requests == 0) ? 1 : 0;

internal sealed record Options(string Base, string Name, string Data, List<(string, string)> Targets, string Baseline, int Connections, int Seconds, string Out,
    List<(string, string)> Headers)
{
    public IReadOnlyList<string>? Tokens { get; init; }

    public static Options? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var targets = args.Select((a, i) => (a, i)).Where(p => p.a == "--target" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1])).ToList();
        var headers = args.Select((a, i) => (a, i)).Where(p => p.a == "--header" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
        var baseUrl = Value("--base");
        return baseUrl is null || targets.Count == 0
            ? null
            : new Options(baseUrl, Value("--name") ?? "load", Value("--data") ?? "unspecified", targets, Value("--baseline") ?? "/api/ping",
                int.Parse(Value("--connections") ?? "64", CultureInfo.InvariantCulture), int.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture),
                Value("--out") ?? "bench/results", headers)
            {
                Tokens = Value("--tokens") is { } file ? [.. File.ReadAllLines(file).Where(l => l.Length > 0)] : null,
            };
    }
}
