using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments.Sandbox;

/// <summary>
/// The sandbox's side of webhooks: signs each due notification at send time and posts it to our webhook handler
/// (in process: the sandbox lives inside the platform), retrying with backoff until it is acknowledged. A sender
/// claims a notification before delivering it, so the background loop, the hosted page and other nodes never
/// deliver the same one at once: each attempt is one delivery.
/// </summary>
internal sealed partial class SandboxNotifier(IServiceScopeFactory scopes, TimeProvider clock, IdGenerator ids, SandboxWebhookSecret secret, ILogger<SandboxNotifier> logger) : BackgroundService
{
    /// <summary>How long a claim holds: longer than any delivery takes, short enough that a crashed sender's claim lapses soon.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);

    /// <summary>Delivers every due notification that nobody else is delivering; returns how many were acknowledged.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
            var now = clock.GetUtcNow();
            due = await db.SandboxNotifications.Where(n => n.DeliveredAt == null && n.DueAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .OrderBy(n => n.Id).Select(n => n.Id).Take(50).ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var id in due)
        {
            if (await TryDeliverAsync(id, cancellationToken) == Delivery.Acknowledged)
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>
    /// Delivers one notification now if it is due (the hosted page's "paid" goes out at once); if another sender holds
    /// it, waits for that delivery, so the buyer comes back to an order that already shows what happened.
    /// </summary>
    public async Task<bool> DeliverAsync(string eventId, CancellationToken cancellationToken)
    {
        long id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications
                .Where(n => n.EventId == eventId).Select(n => n.Id).FirstOrDefaultAsync(cancellationToken);
        }

        for (var attempt = 0; id != 0 && attempt < 100; attempt++)
        {
            switch (await TryDeliverAsync(id, cancellationToken))
            {
                case Delivery.Acknowledged or Delivery.DeliveredElsewhere:
                    return true;
                case Delivery.HeldElsewhere:
                    await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private enum Delivery
    {
        Acknowledged,
        DeliveredElsewhere,
        Refused,
        HeldElsewhere,
        NotDue,
    }

    private async Task<Delivery> TryDeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var now = clock.GetUtcNow();
        var claimed = await db.SandboxNotifications
            .Where(n => n.Id == id && n.DeliveredAt == null && n.DueAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, now + Claim).SetProperty(n => n.ClaimedBy, ids.Node).SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            var state = await db.SandboxNotifications.AsNoTracking().Where(n => n.Id == id)
                .Select(n => new { n.DeliveredAt, n.ClaimedUntil }).FirstOrDefaultAsync(cancellationToken);
            return state switch
            {
                { DeliveredAt: not null } => Delivery.DeliveredElsewhere,
                { ClaimedUntil: { } until } when until >= now => Delivery.HeldElsewhere,
                _ => Delivery.NotDue,
            };
        }

        var notification = await db.SandboxNotifications.AsNoTracking().FirstAsync(n => n.Id == id, cancellationToken);
        var webhook = scope.ServiceProvider.GetRequiredService<PaymentNotifications>();
        var result = NotificationResult.Rejected;
        try
        {
            result = await webhook.HandleAsync(notification.Body, SandboxSignature.Sign(secret.Value, notification.Body, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogDeliveryFailed(logger, notification.EventId, notification.Attempts, error);
        }

        // Our webhook answers "not for us" for good; a refusal or a failure is tried again later, as a provider would.
        var acknowledged = result is NotificationResult.Applied or NotificationResult.Duplicate or NotificationResult.Unknown;
        var after = clock.GetUtcNow();
        var retryAt = after.AddSeconds(Math.Min(300, Math.Pow(2, notification.Attempts)));
        await db.SandboxNotifications.Where(n => n.Id == id).ExecuteUpdateAsync(
            u => u.SetProperty(n => n.DeliveredAt, acknowledged ? after : null)
                .SetProperty(n => n.DueAt, acknowledged ? notification.DueAt : retryAt)
                .SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(n => n.ClaimedBy, (int?)null),
            CancellationToken.None);
        return acknowledged ? Delivery.Acknowledged : Delivery.Refused;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReleaseOwnClaimsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogLoopFailed(logger, error);
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

    /// <summary>
    /// Claims this node held when it stopped (a crash in the middle of a delivery) are let go at once, instead of
    /// waiting for them to lapse: each node has its own number, so no live sender's claim is touched.
    /// </summary>
    private async Task ReleaseOwnClaimsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications.Where(n => n.ClaimedBy == ids.Node && n.DeliveredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null).SetProperty(n => n.ClaimedBy, (int?)null), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLoopFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox notification {EventId} failed on attempt {Attempt}; it is tried again later.")]
    private static partial void LogDeliveryFailed(ILogger logger, string eventId, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox's notification loop failed; it goes on.")]
    private static partial void LogLoopFailed(ILogger logger, Exception error);
}
