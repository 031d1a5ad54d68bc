using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Orders;

namespace Vermilion.Commerce;

/// <summary>The orders part of the model: checkouts, orders and their lines and log, after-sales.</summary>
internal sealed partial class CommerceDb
{
    private static void ConfigureOrders(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Checkout>(e =>
        {
            e.ToTable("commerce_checkouts");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(c => new { c.BuyerId, c.IdempotencyKey }).IsUnique();
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("commerce_orders");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.ShipName).HasMaxLength(40);
            e.Property(o => o.ShipPhone).HasMaxLength(20);
            e.Property(o => o.ShipRegion).HasMaxLength(20);
            e.Property(o => o.ShipAddress).HasMaxLength(300);
            e.Property(o => o.Carrier).HasMaxLength(40);
            e.Property(o => o.TrackingNumber).HasMaxLength(40);
            e.Ignore(o => o.EscrowFunded);
            e.Ignore(o => o.IsOpen);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(o => new { o.BuyerId, o.Id });
            e.HasIndex(o => new { o.StoreId, o.Status, o.Id });
            e.HasIndex(o => new { o.Status, o.PayBy });
            e.HasIndex(o => o.CheckoutId);
            e.HasIndex(o => o.CreatorId);
        });
        modelBuilder.Entity<OrderLine>(e =>
        {
            e.ToTable("commerce_order_lines");
            e.HasKey(l => new { l.OrderId, l.Position });
            e.Property(l => l.Title).HasMaxLength(Product.TitleMax * 2);
            e.Property(l => l.Specs).HasMaxLength(200);
            e.Property(l => l.ImageKey).HasMaxLength(80);
            e.HasIndex(l => l.SkuId);
        });
        modelBuilder.Entity<OrderEvent>(e =>
        {
            e.ToTable("commerce_order_events");
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.ActorKind).HasMaxLength(20);
            e.Property(o => o.Note).HasMaxLength(400);
            e.HasIndex(o => o.OrderId);
        });
        modelBuilder.Entity<AfterSale>(e =>
        {
            e.ToTable("commerce_after_sales");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Reason).HasMaxLength(AfterSale.ReasonMax * 2);
            e.Property(a => a.PhotoKeys).HasMaxLength(600);
            e.Property(a => a.ReturnCarrier).HasMaxLength(40);
            e.Property(a => a.ReturnTracking).HasMaxLength(40);
            e.Property(a => a.ResendCarrier).HasMaxLength(40);
            e.Property(a => a.ResendTracking).HasMaxLength(40);
            e.Property(a => a.MerchantNote).HasMaxLength(400);
            e.Ignore(a => a.IsOpen);
            e.Ignore(a => a.Photos);
            e.HasIndex(a => a.OrderId);
            e.HasIndex(a => a.OrderId, "IX_commerce_after_sales_order_id_open").IsUnique().HasFilter(AfterSale.OpenFilter);
            e.HasIndex(a => new { a.StoreId, a.Status });
            e.HasIndex(a => new { a.Status, a.DueAt });
        });
    }
}
