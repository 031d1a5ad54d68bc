using System.Diagnostics;
using System.Text.Json;

namespace Vermilion.Discovery.Tests.Evaluation;

/// <summary><c>eval recsys</c> run as the real server executable, with no database configured or created.</summary>
public sealed class EvaluationCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vermilion-eval-").FullName;

    [Fact]
    public async Task LeaveOneOut_PrintsTheTableAndWritesJson()
    {
        var data = Path.Combine(folder, "chains.txt");
        var random = new Random(5);
        await File.WriteAllLinesAsync(data, Enumerable.Range(0, 400).Select(u =>
            $"u{u} " + string.Join(' ', Enumerable.Range(random.Next(0, 6), 6).Select(i => $"i{u % 3 * 20 + i}"))));
        var json = Path.Combine(folder, "results.json");

        var (exitCode, output) = await RunAsync("eval", "recsys", "--data", data, "--protocol", "loo-full",
            "--json", json, "--algorithms", "pop,pop-wholefile,transitions,vermilion", "--threads", "1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("HR@10", output, StringComparison.Ordinal);
        Assert.Contains("vermilion", output, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var rows = results.RootElement.EnumerateArray()
            .Select(r => (Algorithm: r.GetProperty("algorithm").GetString(), Metric: r.GetProperty("metric").GetString(), Value: r.GetProperty("value").GetDouble()))
            .ToList();
        Assert.Equal(["pop", "pop-wholefile", "transitions", "vermilion"], rows.Select(r => r.Algorithm).Distinct());
        Assert.Contains(rows, r => r.Algorithm == "vermilion" && r.Metric == "NDCG@20" && r.Value > 0.5);
        Assert.Contains(rows, r => r.Algorithm == "pop" && r.Metric == "train_seconds");
        Assert.Empty(Directory.EnumerateFiles(folder, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task GivenSplit_ReadsItsTestFile()
    {
        var train = Path.Combine(folder, "train.txt");
        var test = Path.Combine(folder, "test.txt");
        await File.WriteAllLinesAsync(train, Enumerable.Range(0, 60).SelectMany(u => new[] { $"{u}\t{u % 4}\t3", $"{u}\t{u % 4 + 4}\t1" }));
        await File.WriteAllLinesAsync(test, Enumerable.Range(0, 60).Select(u => $"{u}\t{u % 4 + 8}\t1"));

        var (exitCode, output) = await RunAsync("eval", "recsys", "--data", train, "--protocol", "given-split", "--test", test, "--algorithms", "pop,itemknn");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Recall@20", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--protocol", "sideways")]
    [InlineData("--protocol", "given-split")]
    [InlineData("--algorithms", "magic")]
    public async Task BadRequests_ExitWithTwoAndSayWhy(string option, string value)
    {
        var data = Path.Combine(folder, "tiny.txt");
        await File.WriteAllTextAsync(data, "u1 a b c\nu2 b c d\n");
        string[] args = option == "--protocol"
            ? ["eval", "recsys", "--data", data, "--protocol", value]
            : ["eval", "recsys", "--data", data, "--protocol", "loo-full", option, value];

        var (exitCode, output) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(output));
    }

    public void Dispose() => Directory.Delete(folder, true);

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Vermilion__DataDirectory"] = Path.Combine(folder, "data");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
