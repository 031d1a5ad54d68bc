using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Training;

/// <summary>
/// Trains the feed on a schedule (<c>Discovery:Feed:TrainEvery</c>) on nodes that train (<c>TrainInBackground</c>):
/// soon after start when there is no model yet and the community has notes, then whenever the model is older than
/// the period. A failed run is logged and tried again next period.
/// </summary>
internal sealed partial class FeedTrainingService(
    IFeedTraining training, IServiceScopeFactory scopes, FeedStateHolder holder, IOptions<FeedOptions> options, TimeProvider clock,
    ILogger<FeedTrainingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrainInBackground)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.FirstTrainingDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var trainedAt = holder.Current?.Model is { IsTrained: true } model ? model.TrainedAt : (DateTimeOffset?)null;
                var due = trainedAt is null ? TimeSpan.Zero : trainedAt.Value + settings.TrainEvery - clock.GetUtcNow();
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due < TimeSpan.FromMinutes(1) ? due : TimeSpan.FromMinutes(1), clock, stoppingToken);
                    continue;
                }

                if (trainedAt is null && !await CommunityHasNotesAsync(stoppingToken))
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
                    continue;
                }

                await TrainAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await training.TrainAsync(new FeedTrainingRequest(), null, stoppingToken);
            LogTrained(logger, result.Notes, result.People, result.Took.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
            await Task.Delay(options.Value.TrainEvery, clock, stoppingToken);
        }
    }

    private async Task<bool> CommunityHasNotesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICommunityExport>().NotesAfterAsync(0, 1, cancellationToken)).Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovery feed trained: {Notes} notes, {People} people, {Seconds:F1} s")]
    private static partial void LogTrained(ILogger logger, int notes, int people, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discovery feed training failed; the current model keeps serving")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
