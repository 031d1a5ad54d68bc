using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vermilion.Kernel.Events;

/// <summary>Wakes when a module saves events (or every few seconds) and delivers every module's outbox.</summary>
public sealed partial class OutboxDispatcher(
    IEnumerable<IOutboxSource> sources,
    IServiceProvider services,
    OutboxSignal signal,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    /// <summary>Drains every outbox once; returns how many messages were delivered.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var delivery = services.GetRequiredService<EventDelivery>();
        var total = 0;
        foreach (var source in sources)
        {
            int delivered;
            do
            {
                delivered = await source.DeliverBatchAsync(services, delivery, cancellationToken);
                total += delivered;
            }
            while (delivered > 0);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogDrainFailed(logger, error);
            }

            await signal.WaitAsync(IdlePoll, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering outbox messages failed; retrying.")]
    private static partial void LogDrainFailed(ILogger logger, Exception error);
}

/// <summary>Lets a module that just saved events wake the dispatcher instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    /// <summary>Whether a wake-up is pending.</summary>
    internal bool IsRaised => _signal.CurrentCount > 0;

    public void Dispose() => _signal.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
