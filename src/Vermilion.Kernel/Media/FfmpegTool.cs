using System.Diagnostics;
using System.Text;

namespace Vermilion.Kernel.Media;

/// <summary>
/// Runs Debian's <c>ffprobe</c> and <c>ffmpeg</c> as child processes: arguments passed as a list (never through a
/// shell), standard output read line by line as it comes, the process tree killed if the caller gives up.
/// </summary>
internal static class FfmpegTool
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                output.AppendLine(line);
                onLine?.Invoke(line);
            }

            await process.WaitForExitAsync(cancellationToken);
            return new Result(process.ExitCode, output.ToString(), await errors);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
