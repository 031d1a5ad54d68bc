using System.Diagnostics;

namespace Vermilion.Discovery.Evaluation;

/// <summary>
/// Measures one training run: wall time, and the peak managed heap sampled while it runs (the process's peak
/// working set is read at the end; it only ever grows, so it bounds every run so far).
/// </summary>
internal sealed class ResourceMeter : IDisposable
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer sampler;
    private long peakManaged;

    public ResourceMeter()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        peakManaged = GC.GetTotalMemory(false);
        sampler = new Timer(_ => Sample(), null, 0, 50);
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public long PeakManagedBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peakManaged);
        }
    }

    public static long PeakWorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public void Dispose() => sampler.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref peakManaged)) && Interlocked.CompareExchange(ref peakManaged, now, seen) != seen)
        {
        }
    }
}
