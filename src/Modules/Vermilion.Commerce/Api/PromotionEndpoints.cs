using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class PromotionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var coupons = app.MapGroup("/api/coupons").WithTags("Promotions").DisableAntiforgery();
        coupons.MapGet("", async (string? store, HttpContext http, ClaimCouponHandler claims) =>
            TypedResults.Ok(await claims.OfferedAsync(store is null ? null : Api.Id(store) ?? -1, http.RequestAborted)))
            .WithSummary("Coupons you can claim now: the platform's, and a store's with store=<id>.");
        coupons.MapPost("", async (CouponRequest request, HttpContext http, CreateCouponHandler create) =>
            (await create.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted)).Match(c => TypedResults.Created($"/api/coupons/{c.Id}", c)))
            .RequireAuthorization().WithSummary("Issue a coupon for your store, or (administrators, platform=true) for the platform.");
        coupons.MapGet("/mine", async (bool? available, HttpContext http, ClaimCouponHandler claims) =>
            TypedResults.Ok(await claims.HeldAsync(http.User.RequiredUserId(), available ?? false, http.RequestAborted)))
            .RequireAuthorization().WithSummary("The coupons you hold.");
        coupons.MapPost("/{id}/claim", async (string id, HttpContext http, ClaimCouponHandler claims, IStringLocalizer text) =>
            Api.Id(id) is { } couponId ? Api.Ok(await claims.HandleAsync(http.User.RequiredUserId(), couponId, http.RequestAborted)) : Api.NotFound(text, "commerce.coupon.not_found"))
            .RequireAuthorization().WithSummary("Claim a coupon (领券); limited per person and in total.");

        var flash = app.MapGroup("/api/flash-sales").WithTags("Promotions").DisableAntiforgery();
        flash.MapGet("", async (HttpContext http, FlashSaleQueries queries) => TypedResults.Ok(await queries.CurrentAsync(null, http.RequestAborted)))
            .WithSummary("Flash sales running now or starting within a day.");
        flash.MapGet("/mine", async (HttpContext http, StoreAccess access, FlashSaleQueries queries, IStringLocalizer text) =>
            await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted) is { } store
                ? TypedResults.Ok(await queries.CurrentAsync(store.Id, http.RequestAborted))
                : Api.NotFound(text, "commerce.store.none")).RequireAuthorization().WithSummary("Your store's flash sales.");
        flash.MapPost("", async (FlashSaleRequest request, HttpContext http, CreateFlashSaleHandler create) =>
            (await create.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted)).Match(f => TypedResults.Created($"/api/flash-sales/{f.Id}", f)))
            .RequireAuthorization().WithSummary("Start a flash sale of one of your SKUs: special price, units, limit per person, window.");
        flash.MapGet("/{id}", async (string id, HttpContext http, FlashSaleQueries queries, IStringLocalizer text) =>
            Api.Id(id) is { } saleId && await queries.OneAsync(saleId, http.RequestAborted) is { } sale ? TypedResults.Ok(sale) : Api.NotFound(text, "commerce.flash.not_found"))
            .WithSummary("A flash sale with its units left.");
        flash.MapPost("/{id}/orders", async (string id, FlashBuyRequest request, HttpContext http, BuyFlashSaleHandler buy, IStringLocalizer text) =>
            Api.Id(id) is { } saleId
                ? (await buy.HandleAsync(http.User.RequiredUserId(), saleId, request, http.RequestAborted)).Match(orderId => TypedResults.Created($"/api/orders/{orderId}", new { orderId }))
                : Api.NotFound(text, "commerce.flash.not_found"))
            .RequireAuthorization().WithSummary("Buy one unit of a flash sale (秒杀); 409 when sold out or over your limit.");
    }
}
