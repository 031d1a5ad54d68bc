using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Payments.Sandbox;

internal sealed record SandboxMessage(string Id, string Type, string ChargeId, string Reference, long Amount, string? Currency, string? RefundKey, DateTimeOffset Created);

/// <summary>
/// The built-in sandbox payment company: a hosted page where the buyer pays, fails or pays late, signed
/// notifications to our webhook, and refunds. It keeps its own books in its own scope, as an outside company would.
/// </summary>
internal sealed class SandboxProvider(IServiceScopeFactory scopes, IdGenerator ids, TimeProvider clock, IOptions<CommerceOptions> options, SandboxWebhookSecret secret) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    /// <summary>The sandbox charges in yuan only, as the platform sells in yuan only.</summary>
    public const string Currency = Kernel.Finance.Money.Cny;

    public string Name => ProviderName;

    /// <summary>
    /// The id of the notification that tells how a charge ended: a charge is paid or failed once, so one id serves,
    /// and the hosted page can deliver exactly that notification.
    /// </summary>
    public static string OutcomeEventId(string chargeId) => "evt_" + chargeId + "_outcome";

    public async Task<ChargeStarted> CreateChargeAsync(long paymentId, long amount, CancellationToken cancellationToken)
    {
        var reference = ShortId.Encode(paymentId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var id = "ch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        db.SandboxCharges.Add(new SandboxCharge { Id = id, Reference = reference, Amount = amount, Status = ChargeStatus.Open, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // One open charge per payment, like an idempotency key at a real provider: a twin request gets the same charge.
            id = await db.SandboxCharges.AsNoTracking().Where(c => c.Reference == reference && c.Status == ChargeStatus.Open)
                .Select(c => c.Id).FirstAsync(cancellationToken);
        }

        return new ChargeStarted(id, "/pay/sandbox/" + id);
    }

    public async Task<ProviderCharge?> FetchChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken);
        return charge is null ? null : new ProviderCharge(charge.Id, charge.Reference, charge.Amount, Currency, charge.Status switch
        {
            ChargeStatus.Open => ProviderChargeState.Open,
            ChargeStatus.Paid => ProviderChargeState.Paid,
            ChargeStatus.Failed => ProviderChargeState.Failed,
            ChargeStatus.Cancelled => ProviderChargeState.Cancelled,
            _ => ProviderChargeState.Unknown,
        });
    }

    public async Task<bool> CancelChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        await db.SandboxCharges.Where(c => c.Id == chargeId && c.Status == ChargeStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChargeStatus.Cancelled), cancellationToken);
        return (await FetchChargeAsync(chargeId, cancellationToken))?.State != ProviderChargeState.Paid;
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

        Enqueue(db, new SandboxMessage("evt_" + refundId, "refund.succeeded", chargeId, charge.Reference, amount, Currency, refundKey, clock.GetUtcNow()), clock.GetUtcNow());
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
        Enqueue(db, new SandboxMessage(OutcomeEventId(chargeId), pay ? "charge.succeeded" : "charge.failed", chargeId, charge.Reference, charge.Amount, Currency, null, now), due);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public ProviderNotice? ReadNotification(string body, string? signature)
    {
        var sandbox = options.Value.Sandbox;
        if (!SandboxSignature.Verify(secret.Value, body, signature, clock.GetUtcNow(), TimeSpan.FromSeconds(sandbox.SignatureToleranceSeconds)))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<SandboxMessage>(body, Kernel.Events.OutboxWriter.Json);
            return message is null || string.IsNullOrEmpty(message.Id) || string.IsNullOrEmpty(message.Type) || string.IsNullOrEmpty(message.ChargeId)
                ? null
                : new ProviderNotice(message.Id, message.Type, message.ChargeId, message.Reference, message.Amount, message.Currency ?? "", message.RefundKey, message.Created);
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
