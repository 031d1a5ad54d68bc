using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Api;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Jobs;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Reconciliation;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Persistence;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce;

/// <summary>
/// Commerce: stores, catalog with SKUs, product cards on notes, cart and checkout, orders, payments through a
/// provider (the built-in sandbox), a double-entry ledger with escrow, after-sales, reviews, coupons, flash sales.
/// </summary>
public static class CommerceModule
{
    public static IServiceCollection AddCommerceModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDb<CommerceDb>(CommerceDb.TablePrefix);
        services.AddStrings(typeof(CommerceModule).Assembly);
        services.Configure<CommerceOptions>(configuration.GetSection("Commerce"));
        services.AddScoped<StoreAccess>();
        services.AddScoped<StoreQueries>();
        services.AddScoped<ApplyForStoreHandler>();
        services.AddScoped<DecideStoreHandler>();
        services.AddScoped<SaveShippingTemplateHandler>();
        services.AddScoped<UploadImageHandler>();
        services.AddScoped<SaveProductHandler>();
        services.AddScoped<ManageStockHandler>();
        services.AddScoped<ProductQueries>();
        services.AddScoped<Contracts.IProductCatalog, ProductCatalog>();
        services.AddScoped<Contracts.INoteProducts, NoteProductDirectory>();
        services.AddScoped<AttachProductsHandler>();
        services.AddScoped<NoteProductQueries>();
        services.AddSingleton<NoteProductCards>();
        services.AddScoped<CartHandler>();
        services.AddScoped<Addresses.AddressBook>();
        services.AddScoped<CouponRules>();
        services.AddScoped<CheckoutPricing>();
        services.AddScoped<PlaceOrderHandler>();
        services.AddScoped<OrderQueries>();
        services.AddScoped<EndUnpaidOrderHandler>();
        services.AddScoped<ShipOrderHandler>();
        services.AddScoped<CompleteOrderHandler>();
        services.AddSingleton<SandboxWebhookSecret>();
        services.AddSingleton<SandboxProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<SandboxProvider>());
        services.AddScoped<PayOrderHandler>();
        services.AddScoped<PaymentApplier>();
        services.AddScoped<RefundDesk>();
        services.AddScoped<PaymentNotifications>();
        services.AddScoped<RequestAfterSaleHandler>();
        services.AddScoped<AfterSaleRefund>();
        services.AddScoped<DecideAfterSaleHandler>();
        services.AddScoped<ReturnGoodsHandler>();
        services.AddScoped<WriteReviewHandler>();
        services.AddScoped<ReplyToReviewHandler>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<CreateCouponHandler>();
        services.AddScoped<ClaimCouponHandler>();
        services.AddSingleton<FlashGate>();
        services.AddSingleton<FlashSaleWriter>();
        services.AddScoped<CreateFlashSaleHandler>();
        services.AddScoped<BuyFlashSaleHandler>();
        services.AddScoped<FlashSaleQueries>();
        services.AddScoped<Contracts.IReconciliation, Reconciler>();
        services.AddScoped<Contracts.IDemoCommerce, Demo.DemoShops>();
        services.AddSingleton<SandboxNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxNotifier>());
        services.AddSingleton<CommerceJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<CommerceJobs>());
        Notifications.CommerceNotices.Register(services);
        services.AddPageSlot("note.aside", "NoteProducts");
        services.AddPageSlot("admin.desk", "StoreReviewDesk", order: 10);
        return services;
    }

    public static IEndpointRouteBuilder MapCommerceEndpoints(this IEndpointRouteBuilder app)
    {
        StoreEndpoints.Map(app);
        CatalogEndpoints.Map(app);
        ShoppingEndpoints.Map(app);
        OrderEndpoints.Map(app);
        AfterSaleEndpoints.Map(app);
        PromotionEndpoints.Map(app);
        PaymentEndpoints.Map(app);
        return app;
    }
}
