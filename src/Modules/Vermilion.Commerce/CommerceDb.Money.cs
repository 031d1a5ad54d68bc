using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Idempotency;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;

namespace Vermilion.Commerce;

/// <summary>The money part of the model: payments, refunds, provider events, the ledger, idempotency and the sandbox's own books.</summary>
internal sealed partial class CommerceDb
{
    private static void ConfigurePayments(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("commerce_payments");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Provider).HasMaxLength(20);
            e.Property(p => p.ProviderRef).HasMaxLength(64);
            e.Property(p => p.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(p => p.CheckoutId);
            e.HasIndex(p => p.CheckoutId, "IX_commerce_payments_checkout_id_open").IsUnique().HasFilter("status = 0");
            e.HasIndex(p => new { p.BuyerId, p.IdempotencyKey }).IsUnique();
        });
        modelBuilder.Entity<PaymentOrder>(e =>
        {
            e.ToTable("commerce_payment_orders");
            e.HasKey(p => new { p.PaymentId, p.OrderId });
            e.HasIndex(p => p.OrderId);
        });
        modelBuilder.Entity<Refund>(e =>
        {
            e.ToTable("commerce_refunds");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Key).HasMaxLength(80);
            e.Property(r => r.ProviderRef).HasMaxLength(64);
            e.Property(r => r.Reason).HasMaxLength(40);
            e.HasIndex(r => r.Key).IsUnique();
            e.HasIndex(r => r.OrderId);
            e.HasIndex(r => r.Status);
        });
        modelBuilder.Entity<ProviderEvent>(e =>
        {
            e.ToTable("commerce_provider_events");
            e.HasKey(p => p.EventId);
            e.Property(p => p.EventId).HasMaxLength(80);
            e.Property(p => p.Type).HasMaxLength(40);
            e.Property(p => p.Reference).HasMaxLength(64);
        });
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("commerce_ledger_entries");
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Key).HasMaxLength(80);
            e.Property(l => l.Kind).HasMaxLength(20);
            e.HasIndex(l => l.Key).IsUnique();
            e.HasIndex(l => l.OrderId);
            e.HasMany(l => l.Postings).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LedgerPosting>(e =>
        {
            e.ToTable("commerce_ledger_postings");
            e.HasKey(p => new { p.EntryId, p.Account });
            e.Property(p => p.Account).HasMaxLength(40);
            e.HasIndex(p => p.Account);
            e.HasIndex(p => p.OrderId);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("commerce_idempotency");
            e.HasKey(r => new { r.UserId, r.Key });
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.Scope).HasMaxLength(100);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.HasIndex(r => r.ExpiresAt);
        });
        modelBuilder.Entity<SandboxCharge>(e =>
        {
            e.ToTable("commerce_sandbox_charges");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(40);
            e.Property(c => c.Reference).HasMaxLength(64);
            e.HasIndex(c => c.Reference);
            e.HasIndex(c => c.Reference, "IX_commerce_sandbox_charges_reference_open").IsUnique().HasFilter("status = 0");
        });
        modelBuilder.Entity<SandboxNotification>(e =>
        {
            e.ToTable("commerce_sandbox_notifications");
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.EventId).HasMaxLength(80);
            // A refund is sent once per key: its notification's event id is derived from the key.
            e.HasIndex(n => n.EventId).IsUnique();
            e.HasIndex(n => new { n.DeliveredAt, n.DueAt });
        });
    }
}
