using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Addresses;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Idempotency;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Commerce;

internal sealed class CommerceDb(DbContextOptions<CommerceDb> options) : ModuleDbContext(options)
{
    public const string TablePrefix = "commerce";

    public override string Prefix => TablePrefix;

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<CommerceImage> Images => Set<CommerceImage>();

    public DbSet<ShippingTemplate> ShippingTemplates => Set<ShippingTemplate>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Sku> Skus => Set<Sku>();

    public DbSet<NoteProduct> NoteProducts => Set<NoteProduct>();

    public DbSet<CartItem> CartItems => Set<CartItem>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentOrder> PaymentOrders => Set<PaymentOrder>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<LedgerPosting> LedgerPostings => Set<LedgerPosting>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<AfterSale> AfterSales => Set<AfterSale>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewVote> ReviewVotes => Set<ReviewVote>();

    public DbSet<Coupon> Coupons => Set<Coupon>();

    public DbSet<UserCoupon> UserCoupons => Set<UserCoupon>();

    public DbSet<FlashSale> FlashSales => Set<FlashSale>();

    public DbSet<FlashPurchase> FlashPurchases => Set<FlashPurchase>();

    public DbSet<SandboxCharge> SandboxCharges => Set<SandboxCharge>();

    public DbSet<SandboxNotification> SandboxNotifications => Set<SandboxNotification>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Store>(e =>
        {
            e.ToTable("commerce_stores");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Name).HasMaxLength(Store.NameMax * 2);
            e.Property(s => s.Description).HasMaxLength(Store.DescriptionMax * 2);
            e.Property(s => s.Licence).HasMaxLength(StoreIdentity.LicenceLength);
            e.Property(s => s.PendingName).HasMaxLength(Store.NameMax * 2);
            e.Property(s => s.PendingLicence).HasMaxLength(StoreIdentity.LicenceLength);
            e.Property(s => s.DecisionNote).HasMaxLength(400);
            // One store per person: a brand runs one official account.
            e.HasIndex(s => s.OwnerId).IsUnique();
            e.HasIndex(s => s.Status);
        });
        modelBuilder.Entity<CommerceImage>(e =>
        {
            e.ToTable("commerce_images");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Key).HasMaxLength(80);
            e.HasIndex(i => i.OwnerId);
        });
        modelBuilder.Entity<ShippingTemplate>(e =>
        {
            e.ToTable("commerce_shipping_templates");
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Name).HasMaxLength(60);
            e.Property(t => t.ExcludedRegions).HasMaxLength(1000);
            e.Ignore(t => t.Excluded);
            e.HasIndex(t => t.StoreId);
        });
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("commerce_products");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Title).HasMaxLength(Product.TitleMax * 2);
            e.Property(p => p.Category).HasMaxLength(40);
            e.Property(p => p.Description).HasMaxLength(Product.DescriptionMax * 2);
            e.Property(p => p.Attributes).HasMaxLength(2000);
            e.Property(p => p.ImageKeys).HasMaxLength(1000);
            e.Ignore(p => p.Images);
            e.Ignore(p => p.CoverKey);
            e.HasIndex(p => new { p.StoreId, p.Status });
            e.HasIndex(p => new { p.Status, p.SoldCount });
        });
        modelBuilder.Entity<Sku>(e =>
        {
            e.ToTable("commerce_skus");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Specs).HasMaxLength(200);
            e.HasIndex(s => s.ProductId);
        });
        modelBuilder.Entity<NoteProduct>(e =>
        {
            e.ToTable("commerce_note_products");
            e.HasKey(n => new { n.NoteId, n.ProductId });
            e.HasIndex(n => new { n.ProductId, n.CreatedAt });
        });
        modelBuilder.Entity<CartItem>(e =>
        {
            e.ToTable("commerce_cart_items");
            e.HasKey(c => new { c.UserId, c.SkuId });
        });
        modelBuilder.Entity<Address>(e =>
        {
            e.ToTable("commerce_addresses");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Name).HasMaxLength(40);
            e.Property(a => a.Phone).HasMaxLength(20);
            e.Property(a => a.Region).HasMaxLength(20);
            e.Property(a => a.City).HasMaxLength(40);
            e.Property(a => a.Line).HasMaxLength(240);
            e.HasIndex(a => a.UserId);
        });
        ConfigureOrders(modelBuilder);
        ConfigurePayments(modelBuilder);
        ConfigurePromotionsAndReviews(modelBuilder);
    }

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

    private static void ConfigurePromotionsAndReviews(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Review>(e =>
        {
            e.ToTable("commerce_reviews");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Text).HasMaxLength(Review.TextMax * 2);
            e.Property(r => r.ImageKeys).HasMaxLength(600);
            e.Property(r => r.Specs).HasMaxLength(200);
            e.Property(r => r.Reply).HasMaxLength(Review.TextMax * 2);
            e.Ignore(r => r.IsNegative);
            e.Ignore(r => r.Images);
            e.HasIndex(r => new { r.OrderId, r.ProductId }).IsUnique();
            e.HasIndex(r => new { r.ProductId, r.Id });
            e.HasIndex(r => new { r.StoreId, r.Id });
        });
        modelBuilder.Entity<ReviewVote>(e =>
        {
            e.ToTable("commerce_review_votes");
            e.HasKey(v => new { v.ReviewId, v.UserId });
        });
        modelBuilder.Entity<Coupon>(e =>
        {
            e.ToTable("commerce_coupons");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Title).HasMaxLength(60);
            e.HasIndex(c => c.StoreId);
        });
        modelBuilder.Entity<UserCoupon>(e =>
        {
            e.ToTable("commerce_user_coupons");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.CouponId, c.UserId, c.Seq }).IsUnique();
            e.HasIndex(c => new { c.UserId, c.Status });
        });
        modelBuilder.Entity<FlashSale>(e =>
        {
            e.ToTable("commerce_flash_sales");
            e.Property(f => f.Id).ValueGeneratedNever();
            e.HasIndex(f => f.SkuId);
            e.HasIndex(f => f.EndsAt);
        });
        modelBuilder.Entity<FlashPurchase>(e =>
        {
            e.ToTable("commerce_flash_purchases");
            e.HasKey(f => new { f.FlashSaleId, f.UserId, f.Seq });
            e.HasIndex(f => f.OrderId);
        });
    }
}
