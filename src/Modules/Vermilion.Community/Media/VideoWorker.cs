using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vermilion.Kernel.Media;

namespace Vermilion.Community.Media;

/// <summary>
/// Renders uploaded videos off the request path: claims a job by lease, runs ffmpeg (progress written back every
/// second, which also renews the lease), takes a poster frame from the rendition, then hands the result to
/// <see cref="VideoOutcome"/>. Woken at once by an upload on this node; otherwise it looks every few seconds, so
/// jobs uploaded through another node or left by a node that stopped are found too.
/// </summary>
internal sealed partial class VideoWorker(IServiceScopeFactory scopes, IMediaStore store, Pictures pictures, TimeProvider clock, ILogger<VideoWorker> logger)
    : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>A job was queued here: look now rather than at the next tick.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }

            try
            {
                await wake.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Renders one waiting video, if there is one this node can claim.</summary>
    public async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        var job = await VideoJobLeases.ClaimAsync(db, owner, clock.GetUtcNow(), cancellationToken);
        if (job is null)
        {
            return false;
        }

        var outcome = scope.ServiceProvider.GetRequiredService<VideoOutcome>();
        var target = store.IncomingPath();
        try
        {
            using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = new LatestProgress();
            var reporting = ReportAsync(job.MediaId, progress, leaseLost);
            var (done, errors) = await VideoRendition.RenderAsync(store.SourcePath(job.Source), target, job.DurationSeconds, progress, leaseLost.Token);
            progress.Finished = true;
            await reporting;
            if (!done)
            {
                await outcome.FailAsync(job, owner, errors, cancellationToken);
                return true;
            }

            var frame = await VideoRendition.PosterFrameAsync(target, job.DurationSeconds, cancellationToken);
            var poster = frame is null ? null : (await pictures.AcceptAsync(frame, ImageLimits.Stored, cancellationToken)).Picture;
            if (await outcome.CompleteAsync(job, owner, target, poster, cancellationToken))
            {
                File.Delete(store.SourcePath(job.Source));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(logger, job.MediaId);
        }
        finally
        {
            File.Delete(target);
        }

        return true;
    }

    private async Task ReportAsync(long mediaId, LatestProgress progress, CancellationTokenSource leaseLost)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        while (!progress.Finished && !leaseLost.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, CancellationToken.None);
            if (progress.Finished)
            {
                return;
            }

            if (!await VideoJobLeases.ReportAsync(db, mediaId, owner, progress.Percent, clock.GetUtcNow(), CancellationToken.None))
            {
                await leaseLost.CancelAsync();
            }
        }
    }

    /// <summary>Keeps only the latest report: ffmpeg reports many times a second, the database hears once a second.</summary>
    private sealed class LatestProgress : IProgress<double>
    {
        private int percent;

        public volatile bool Finished;

        public int Percent => Volatile.Read(ref percent);

        // 99 at most: 100 means the whole job is done, poster included.
        public void Report(double value) => Volatile.Write(ref percent, (int)Math.Min(99, value * 100));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rendering videos failed; retrying shortly.")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {MediaId}: the lease was lost to another node; its rendering here stopped.")]
    private static partial void LogLeaseLost(ILogger logger, long mediaId);
}
