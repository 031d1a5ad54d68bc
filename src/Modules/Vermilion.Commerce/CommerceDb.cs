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

internal sealed partial class CommerceDb(DbContextOptions<CommerceDb> options) : ModuleDbContext(options)
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
