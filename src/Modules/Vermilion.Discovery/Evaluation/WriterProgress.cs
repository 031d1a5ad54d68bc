using System.Diagnostics;

namespace Vermilion.Discovery.Evaluation;

/// <summary>Progress lines with elapsed time, written at once and in order (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class WriterProgress(TextWriter output) : IProgress<string>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            output.WriteLine($"[{clock.Elapsed.TotalSeconds,7:F1}s] {value}");
            output.Flush();
        }
    }
}
