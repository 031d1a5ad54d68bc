using System.Diagnostics;
using System.Net.Http.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>The server executable's commands, run as a real process against a real database.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MigrateSeedAndGrant_WorkFromTheCommandLine(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);

        var migrate = await RunAsync(database, "migrate");
        var seed = await RunAsync(database, "seed", "--scale", "small");
        var seedAgain = await RunAsync(database, "seed", "--scale", "small");
        var grant = await RunAsync(database, "roles", "grant", "user00005", "creator");
        var unknownUser = await RunAsync(database, "roles", "grant", "nobody_at_all", "creator");
        var unknownRole = await RunAsync(database, "roles", "grant", "user00005", "wizard");
        var badScale = await RunAsync(database, "seed", "--scale", "huge");
        var reconcile = await RunAsync(database, "reconcile");

        Assert.Equal(0, migrate.ExitCode);
        Assert.Equal(0, seed.ExitCode);
        Assert.Contains("300 people", seed.Output, StringComparison.Ordinal);
        // Each stage has a bar of its own: redrawn in place with '\r', a line's bar only ever fills up, so a stage
        // that starts over never draws over (or beside) the one before it.
        Assert.All(seed.Output.Split('\n'), line =>
        {
            var done = line.Split('\r').Select(Done).OfType<int>().ToList();
            Assert.True(done.SequenceEqual(done.Order()), line);
        });
        Assert.Contains("300 people", seedAgain.Output, StringComparison.Ordinal);
        Assert.Equal(0, grant.ExitCode);
        Assert.Equal(1, unknownUser.ExitCode);
        Assert.Equal(1, unknownRole.ExitCode);
        Assert.Equal(2, badScale.ExitCode);
        Assert.True(reconcile.ExitCode == 0, reconcile.Output);
        Assert.Contains("Reconciled: no mismatch.", reconcile.Output, StringComparison.Ordinal);

        await using var app = new VermilionApp(database);
        var token = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = "user00005", password = "vermilion-demo-2026" });
        var roles = (await token.JsonAsync()).GetProperty("user").GetProperty("profile").GetProperty("roles");
        Assert.Contains(roles.EnumerateArray(), r => r.GetString() == "creator");

        // A fresh demo opens with a hot list, and the demo account with a search history; both find notes.
        var hot = await app.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search/hot");
        Assert.Equal(10, hot.GetArrayLength());
        var demo = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { login = "demo", password = "vermilion-demo-2026" });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await demo.JsonAsync()).GetProperty("token").GetString());
        var history = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search/history");
        Assert.True(history.GetArrayLength() >= 5, history.ToString());
        var first = hot[0].GetProperty("text").GetString()!;
        var found = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/search?q={Uri.EscapeDataString(first)}");
        Assert.True(found.GetProperty("notes").GetArrayLength() > 0, $"{first}: {found}");
    }

    /// <summary>"  topics       [####...] 3/40" → 3: how far a drawn bar is.</summary>
    private static int? Done(string bar) =>
        bar.LastIndexOf(']') is > 0 and var close && bar.LastIndexOf('/') is var slash && slash > close
            && int.TryParse(bar[(close + 1)..slash].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var done)
            ? done
            : null;

    private static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
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
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
