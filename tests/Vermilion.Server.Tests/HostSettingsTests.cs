using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>The built server, started as a real process from a directory of its own, reads the appsettings.json beside it.</summary>
public sealed class HostSettingsTests
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(2);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Server_StartedFromAnotherDirectory_ReadsItsOwnAppSettings_AndLogsUtcTimestamps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var elsewhere = Directory.CreateTempSubdirectory("vermilion-cwd-");
        var port = FreePort();
        var output = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = elsewhere.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment.Remove("DOTNET_CONTENTROOT");
        start.Environment["urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Vermilion"] = database.Settings.ConnectionString;
        start.Environment["Vermilion__DataDirectory"] = database.DataDirectory;
        start.Environment["Vermilion__SeedDemo"] = "false";

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await WaitUntilReadyAsync(http, process);
            await http.GetStringAsync("/api/ping");
            var stylesheet = await http.GetAsync("/css/site.css");
            await Task.Delay(TimeSpan.FromSeconds(1)); // the console logger writes behind the request
            var log = Snapshot(output);

            Assert.True(ready, "The server never became ready:\n" + log);
            Assert.Contains("Application started", log, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
            // appsettings.json keeps Microsoft.AspNetCore at Warning; without it every request is logged at Information.
            Assert.DoesNotContain("Request starting", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
            Assert.Matches("""^\{"Timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",""", log.Split('\n').First(l => l.Contains("Application started", StringComparison.Ordinal)));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            elsewhere.Delete(recursive: true);
        }
    }

    private static async Task<bool> WaitUntilReadyAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
