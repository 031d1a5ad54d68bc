using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments.Sandbox;

internal sealed record SandboxMessage(string Id, string Type, string ChargeId, string Reference, long Amount, string? RefundKey, DateTimeOffset Created);

/// <summary>
/// The built-in sandbox payment company: a hosted page where the buyer pays, fails or pays late, signed
/// notifications to our webhook, and refunds. It keeps its own books in its own scope, as an outside company would.
/// </summary>
internal sealed class SandboxProvider(IServiceScopeFactory scopes, IdGenerator ids, TimeProvider clock, IOptions<CommerceOptions> options) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public async Task<ChargeStarted> CreateChargeAsync(long paymentId, long amount, CancellationToken cancellationToken)
    {
        var id = "ch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        db.SandboxCharges.Add(new SandboxCharge { Id = id, Reference = ShortId.Encode(paymentId), Amount = amount, Status = ChargeStatus.Open, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return new ChargeStarted(id, "/pay/sandbox/" + id);
    }

    public async Task<ProviderChargeState> ChargeStateAsync(string chargeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var status = await db.SandboxCharges.Where(c => c.Id == chargeId).Select(c => (ChargeStatus?)c.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            ChargeStatus.Open => ProviderChargeState.Open,
            ChargeStatus.Paid => ProviderChargeState.Paid,
            ChargeStatus.Failed => ProviderChargeState.Failed,
            ChargeStatus.Cancelled => ProviderChargeState.Cancelled,
            _ => ProviderChargeState.Unknown,
        };
    }

    public async Task<bool> CancelChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        await db.SandboxCharges.Where(c => c.Id == chargeId && c.Status == ChargeStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChargeStatus.Cancelled), cancellationToken);
        return await ChargeStateAsync(chargeId, cancellationToken) != ProviderChargeState.Paid;
    }

    public async Task<string> RefundAsync(string chargeId, string refundKey, long amount, CancellationToken cancellationToken)
    {
        var refundId = "re_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refundKey)))[..24];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken)
            ?? throw new InvalidOperationException($"Sandbox charge {chargeId} does not exist.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SandboxNotifications.AnyAsync(n => n.EventId == "evt_" + refundId, cancellationToken))
        {
            return refundId; // refunded before: the key makes it once
        }

        var taken = await db.SandboxCharges.Where(c => c.Id == chargeId && c.Status == ChargeStatus.Paid && c.Refunded + amount <= c.Amount)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Refunded, c => c.Refunded + amount), cancellationToken);
        if (taken == 0)
        {
            throw new InvalidOperationException($"Sandbox charge {chargeId} cannot refund {amount}.");
        }

        Enqueue(db, new SandboxMessage("evt_" + refundId, "refund.succeeded", chargeId, charge.Reference, amount, refundKey, clock.GetUtcNow()), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refundId;
    }

    /// <summary>The buyer's choice on the hosted page: pay now, pay but let the notification arrive late, or fail.</summary>
    public async Task<bool> CompleteAsync(string chargeId, bool pay, bool late, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.SandboxCharges.Where(c => c.Id == chargeId && c.Status == ChargeStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, pay ? ChargeStatus.Paid : ChargeStatus.Failed).SetProperty(c => c.PaidAt, pay ? now : null), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        var charge = await db.SandboxCharges.AsNoTracking().FirstAsync(c => c.Id == chargeId, cancellationToken);
        var due = late ? now.AddSeconds(options.Value.Sandbox.LateNotificationSeconds) : now;
        Enqueue(db, new SandboxMessage("evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), pay ? "charge.succeeded" : "charge.failed", chargeId, charge.Reference, charge.Amount, null, now), due);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public ProviderNotice? ReadNotification(string body, string? signature)
    {
        var sandbox = options.Value.Sandbox;
        if (!SandboxSignature.Verify(sandbox.WebhookSecret, body, signature, clock.GetUtcNow(), TimeSpan.FromSeconds(sandbox.SignatureToleranceSeconds)))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<SandboxMessage>(body, Kernel.Events.OutboxWriter.Json);
            return message is null || string.IsNullOrEmpty(message.Id) || string.IsNullOrEmpty(message.Type) || string.IsNullOrEmpty(message.ChargeId)
                ? null
                : new ProviderNotice(message.Id, message.Type, message.ChargeId, message.Reference, message.Amount, message.RefundKey, message.Created);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Enqueue(CommerceDb db, SandboxMessage message, DateTimeOffset due) =>
        db.SandboxNotifications.Add(new SandboxNotification
        {
            Id = ids.Next(),
            EventId = message.Id,
            Body = JsonSerializer.Serialize(message, Kernel.Events.OutboxWriter.Json),
            DueAt = due,
        });
}
