using System.Diagnostics;
using Vermilion.Discovery.Training;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Training;

/// <summary><c>train</c> as an operator runs it: a real process against a real database, progress on the console.</summary>
public sealed class TrainCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Train_CatchesUpTrainsAndSavesAModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var train = await RunAsync(database, "train", "--threads", "2");
        var bad = await RunAsync(database, "train", "--threads", "lots");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("caught up with the community", train.Output, StringComparison.Ordinal);
        Assert.Contains("Trained on 0 notes", train.Output, StringComparison.Ordinal);
        Assert.NotNull(ModelFile.Newest(database.DataDirectory));
        Assert.Equal(2, bad.ExitCode);
    }

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
