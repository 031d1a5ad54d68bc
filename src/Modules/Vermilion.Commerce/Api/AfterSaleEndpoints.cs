using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class AfterSaleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var afterSales = app.MapGroup("/api/after-sales").WithTags("After-sales").DisableAntiforgery().RequireAuthorization();
        afterSales.MapPost("/{id}/decision", async (string id, AfterSaleDecision decision, HttpContext http, DecideAfterSaleHandler decide, IStringLocalizer text) =>
            Api.Id(id) is { } afterSaleId ? Api.Ok(await decide.HandleAsync(http.User.RequiredUserId(), afterSaleId, decision, http.RequestAborted)) : Api.NotFound(text, "commerce.aftersale.not_found"))
            .WithSummary("The merchant approves or rejects (with a note) an after-sales request.");
        afterSales.MapPost("/{id}/return", async (string id, ReturnShipmentRequest request, HttpContext http, ReturnGoodsHandler returns, IStringLocalizer text) =>
            Api.Id(id) is { } afterSaleId ? Api.Ok(await returns.ShipBackAsync(http.User.RequiredUserId(), afterSaleId, request, http.RequestAborted)) : Api.NotFound(text, "commerce.aftersale.not_found"))
            .WithSummary("The buyer ships the goods back (carrier and tracking number).");
        afterSales.MapPost("/{id}/receive", async (string id, ReturnShipmentRequest? resend, HttpContext http, ReturnGoodsHandler returns, IStringLocalizer text) =>
            Api.Id(id) is { } afterSaleId ? Api.Ok(await returns.ReceiveAsync(http.User.RequiredUserId(), afterSaleId, resend, http.RequestAborted)) : Api.NotFound(text, "commerce.aftersale.not_found"))
            .WithSummary("The merchant confirms the return arrived: refunds it, or (exchange) sends the new item with its tracking.");
        app.MapGet("/api/stores/mine/after-sales", async (HttpContext http, StoreAccess access, CommerceDb db, IStringLocalizer text) =>
        {
            if (await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted) is not { } store)
            {
                return Api.NotFound(text, "commerce.store.none");
            }

            var list = await db.AfterSales.AsNoTracking().Where(a => a.StoreId == store.Id).OrderByDescending(a => a.Id).Take(100).ToListAsync(http.RequestAborted);
            return TypedResults.Ok(list.Select(AfterSaleNames.View).ToList());
        }).WithTags("After-sales").RequireAuthorization().WithSummary("Your store's after-sales requests.");

        var reviews = app.MapGroup("/api/reviews").WithTags("Reviews").DisableAntiforgery().RequireAuthorization();
        reviews.MapPost("/{id}/reply", async (string id, ReplyRequest request, HttpContext http, ReplyToReviewHandler reply, IStringLocalizer text) =>
            Api.Id(id) is { } reviewId ? Api.Ok(await reply.ReplyAsync(http.User.RequiredUserId(), reviewId, request, http.RequestAborted)) : Api.NotFound(text, "commerce.review.not_found"))
            .WithSummary("The merchant answers a review, once.");
        reviews.MapPost("/{id}/helpful", async (string id, HttpContext http, ReplyToReviewHandler reply, IStringLocalizer text) =>
            Api.Id(id) is { } reviewId ? Api.Ok(await reply.HelpfulAsync(http.User.RequiredUserId(), reviewId, http.RequestAborted)) : Api.NotFound(text, "commerce.review.not_found"))
            .WithSummary("Mark a review helpful; once per person.");
        app.MapGet("/api/stores/mine/reviews", async (bool? awaitingReply, HttpContext http, StoreAccess access, ReviewQueries queries, IStringLocalizer text) =>
            await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted) is { } store
                ? TypedResults.Ok(await queries.ForStoreAsync(store.Id, awaitingReply ?? false, 100, http.RequestAborted))
                : Api.NotFound(text, "commerce.store.none"))
            .WithTags("Reviews").RequireAuthorization().WithSummary("Your store's reviews; awaitingReply=true for negative ones not yet answered.");
    }
}
