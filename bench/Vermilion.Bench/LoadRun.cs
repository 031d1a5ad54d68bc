using System.Diagnostics;

namespace Vermilion.Bench;

/// <summary>The figures of one endpoint under load.</summary>
internal sealed record LoadResult(string Name, string Path, int Connections, double Seconds, long Requests, long Errors,
    double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

/// <summary>
/// Drives one URL (or a list of them, taken in turn, so a search is not one query answered from a cache) with N
/// concurrent connections for a fixed time, after a warm-up, and records every latency. Bounded in time and in
/// count; only loopback addresses are accepted.
/// </summary>
internal static class LoadRun
{
    /// <param name="tokens">When given, connection i signs its requests in as tokens[i % count]: many readers, not one.</param>
    public static async Task<LoadResult> RunAsync(HttpClient client, string name, string path, int connections, TimeSpan duration, TimeSpan warmUp,
        IReadOnlyList<string>? tokens = null)
    {
        // "@file": one path per line.
        IReadOnlyList<string> paths = path.StartsWith('@') ? [.. File.ReadAllLines(path[1..]).Where(l => l.Length > 0)] : [path];
        await DriveAsync(client, paths, tokens, connections, warmUp, record: false);
        var watch = Stopwatch.StartNew();
        var (latencies, errors) = await DriveAsync(client, paths, tokens, connections, duration, record: true);
        var seconds = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))] / (double)Stopwatch.Frequency * 1000;
        return new LoadResult(name, paths.Count == 1 ? path : $"{paths[0]} … ({paths.Count} paths in turn)", connections, Math.Round(seconds, 2), latencies.Count, errors,
            Math.Round(latencies.Count / seconds, 1), Math.Round(At(0.50), 2), Math.Round(At(0.95), 2), Math.Round(At(0.99), 2),
            Math.Round(latencies.Count == 0 ? double.NaN : latencies[^1] / (double)Stopwatch.Frequency * 1000, 2));
    }

    private static async Task<(List<long> Latencies, long Errors)> DriveAsync(HttpClient client, IReadOnlyList<string> paths, IReadOnlyList<string>? tokens, int connections,
        TimeSpan duration, bool record)
    {
        long turn = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = new List<long>[connections];
        long errors = 0;
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = perWorker[worker] = new List<long>(4096);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < deadline && mine.Count < 5_000_000)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var path = paths[(int)(Interlocked.Increment(ref turn) % paths.Count)];
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    if (tokens is { Count: > 0 })
                    {
                        request.Headers.Authorization = new("Bearer", tokens[worker % tokens.Count]);
                    }

                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                if (record)
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        });
        await Task.WhenAll(workers);
        return ([.. perWorker.SelectMany(l => l)], errors);
    }
}
