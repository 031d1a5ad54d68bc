using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Idempotency;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class OrderEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders").DisableAntiforgery().RequireAuthorization();
        orders.MapPost("", PlaceAsync).AddEndpointFilter(new IdempotencyFilter("orders.place"))
            .WithSummary("Check out (the given items, or the cart): one order per store. Send an Idempotency-Key header to make retries safe.");
        orders.MapGet("", (string? status, HttpContext http, OrderQueries queries) => queries.ForBuyerAsync(http.User.RequiredUserId(), status, 50, http.RequestAborted))
            .WithSummary("Your orders, newest first; status filters (pending_payment, paid, shipped, delivered, completed, cancelled, closed).");
        orders.MapGet("/{id}", GetAsync).WithSummary("An order with its history (its buyer or its store's owner).");
        orders.MapPost("/{id}/pay", PayAsync).AddEndpointFilter(new IdempotencyFilter("orders.pay"))
            .WithSummary("Start paying an order (and the other unpaid orders of its checkout); returns the payment page. Idempotency-Key supported.");
        orders.MapPost("/{id}/cancel", async (string id, HttpContext http, EndUnpaidOrderHandler end, IStringLocalizer text) =>
            Api.Id(id) is { } orderId ? Api.Ok(await end.CancelAsync(http.User.RequiredUserId(), orderId, http.RequestAborted)) : Api.NotFound(text, "commerce.order.not_found"))
            .WithSummary("Cancel an unpaid order; its stock and coupons come back.");
        orders.MapPost("/{id}/ship", async (string id, ShipRequest request, HttpContext http, ShipOrderHandler ship, IStringLocalizer text) =>
            Api.Id(id) is { } orderId ? Api.Ok(await ship.HandleAsync(http.User.RequiredUserId(), orderId, request, http.RequestAborted)) : Api.NotFound(text, "commerce.order.not_found"))
            .WithSummary("The merchant ships a paid order with carrier and tracking number.");
        orders.MapPost("/{id}/confirm", async (string id, HttpContext http, CompleteOrderHandler complete, IStringLocalizer text) =>
            Api.Id(id) is { } orderId ? Api.Ok(await complete.ConfirmAsync(http.User.RequiredUserId(), orderId, http.RequestAborted)) : Api.NotFound(text, "commerce.order.not_found"))
            .WithSummary("The buyer confirms receipt: the order completes and the seller is paid.");
        orders.MapPost("/{id}/after-sales", async (string id, AfterSaleRequest request, HttpContext http, RequestAfterSaleHandler ask, IStringLocalizer text) =>
            Api.Id(id) is { } orderId
                ? (await ask.HandleAsync(http.User.RequiredUserId(), orderId, request, http.RequestAborted)).Match(a => TypedResults.Created($"/api/after-sales/{a.Id}", a))
                : Api.NotFound(text, "commerce.order.not_found"))
            .WithSummary("Ask for a refund, a return or an exchange (kind: refund_only, return_refund, exchange; amount in fen).");
        orders.MapGet("/{id}/after-sales", AfterSalesAsync).WithSummary("An order's after-sales requests.");
        app.MapGet("/api/stores/mine/orders", async (string? status, HttpContext http, StoreAccess access, OrderQueries queries, IStringLocalizer text) =>
            await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted) is { } store
                ? TypedResults.Ok(await queries.ForStoreAsync(store.Id, status, 100, http.RequestAborted))
                : Api.NotFound(text, "commerce.store.none"))
            .WithTags("Orders").RequireAuthorization().WithSummary("Your store's orders, newest first.");
    }

    private static async Task<IResult> PlaceAsync(PlaceOrderRequest request, HttpContext http, PlaceOrderHandler place)
    {
        var outcome = await place.HandleAsync(http.User.RequiredUserId(), request, Api.IdempotencyKey(http), http.RequestAborted);
        return outcome.Match(checkout => TypedResults.Created($"/api/orders/{checkout.Orders[0].Id}", checkout));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, OrderQueries queries, StoreAccess access, IStringLocalizer text)
    {
        if (Api.Id(id) is not { } orderId || await queries.DetailAsync(orderId, http.RequestAborted) is not { } order)
        {
            return Api.NotFound(text, "commerce.order.not_found");
        }

        var me = http.User.RequiredUserId();
        var mine = order.BuyerId == Kernel.Ids.ShortId.Encode(me)
            || (await access.OwnedAsync(me, http.RequestAborted))?.Id is { } store && Kernel.Ids.ShortId.Encode(store) == order.StoreId;
        return mine ? TypedResults.Ok(order) : Api.NotFound(text, "commerce.order.not_found");
    }

    private static async Task<IResult> PayAsync(string id, HttpContext http, PayOrderHandler pay, IStringLocalizer text) =>
        Api.Id(id) is { } orderId
            ? Api.Ok(await pay.HandleAsync(http.User.RequiredUserId(), orderId, Api.IdempotencyKey(http), http.RequestAborted))
            : Api.NotFound(text, "commerce.order.not_found");

    private static async Task<IResult> AfterSalesAsync(string id, HttpContext http, CommerceDb db, StoreAccess access, IStringLocalizer text)
    {
        if (Api.Id(id) is not { } orderId)
        {
            return Api.NotFound(text, "commerce.order.not_found");
        }

        var me = http.User.RequiredUserId();
        var store = await access.OwnedAsync(me, http.RequestAborted);
        var list = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AfterSales.Where(a => a.OrderId == orderId && (a.BuyerId == me || (store != null && a.StoreId == store.Id))).OrderByDescending(a => a.Id), http.RequestAborted);
        return TypedResults.Ok(list.Select(AfterSaleNames.View).ToList());
    }
}
