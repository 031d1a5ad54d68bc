using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Flushes the marked products' sales and ratings into the index every <see cref="Interval"/>, on every node (two
/// nodes flushing the same mark write the same counts). A full round goes again at once.
/// </summary>
internal sealed partial class ProductCountsFlush(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProductCountsFlush> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var flushed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                flushed = await scope.ServiceProvider.GetRequiredService<ProductCounts>().FlushAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFlushFailed(logger, error);
            }

            if (flushed < ProductCounts.FlushSize)
            {
                await Task.Delay(Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flushing product sales and ratings into search failed; the marks stay for the next round.")]
    private static partial void LogFlushFailed(ILogger logger, Exception error);
}
