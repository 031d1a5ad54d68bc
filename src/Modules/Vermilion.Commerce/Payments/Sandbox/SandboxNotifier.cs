using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vermilion.Commerce.Payments.Sandbox;

/// <summary>
/// The sandbox's side of webhooks: signs each due notification at send time and posts it to our webhook handler
/// (in process: the sandbox lives inside the platform), retrying until it is acknowledged.
/// </summary>
internal sealed partial class SandboxNotifier(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CommerceOptions> options, ILogger<SandboxNotifier> logger) : BackgroundService
{
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var now = clock.GetUtcNow();
        var due = await db.SandboxNotifications.Where(n => n.DeliveredAt == null && n.DueAt <= now).OrderBy(n => n.Id).Take(50).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var notification in due)
        {
            await using var handlerScope = scopes.CreateAsyncScope();
            var webhook = handlerScope.ServiceProvider.GetRequiredService<PaymentNotifications>();
            var signature = SandboxSignature.Sign(options.Value.Sandbox.WebhookSecret, notification.Body, clock.GetUtcNow());
            try
            {
                var result = await webhook.HandleAsync(notification.Body, signature, cancellationToken);
                if (result != NotificationResult.Rejected)
                {
                    notification.DeliveredAt = clock.GetUtcNow();
                    delivered++;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, notification.EventId, error);
                notification.DueAt = clock.GetUtcNow().AddSeconds(Math.Min(300, Math.Pow(2, ++notification.Attempts)));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogDeliveryFailed(logger, "batch", error);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox notification {EventId} was not accepted; retrying.")]
    private static partial void LogDeliveryFailed(ILogger logger, string eventId, Exception error);
}
