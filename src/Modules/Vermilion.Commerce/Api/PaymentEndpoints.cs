using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Ledger;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

public sealed record BalanceView(long Seller, long Creator, long Paid, long Refunded);

internal static class PaymentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/payments/sandbox/notify", NotifyAsync).WithTags("Payments").DisableAntiforgery().DisableRateLimiting().AllowAnonymous()
            .WithSummary("The sandbox provider's webhook: signed (Sandbox-Signature), idempotent by event id; a bad signature is 400, an amount or currency that is not the payment's 422 (alerted), a charge the provider has not confirmed as paid 409.");
        app.MapGet("/api/payments/{id}", async (string id, HttpContext http, CommerceDb db, PaymentApplier applier, IStringLocalizer text) =>
        {
            var me = http.User.RequiredUserId();
            if (Api.Id(id) is not { } paymentId || !await db.Payments.AnyAsync(p => p.Id == paymentId && p.BuyerId == me, http.RequestAborted))
            {
                return Api.NotFound(text, "commerce.payment.not_found");
            }

            var status = await applier.SyncAsync(paymentId, http.RequestAborted);
            return TypedResults.Ok(new { id, status = status.ToString().ToLowerInvariant() });
        }).WithTags("Payments").RequireAuthorization().WithSummary("A payment's state, asking the provider if it is still pending.");
        app.MapGet("/api/balances/mine", async (HttpContext http, CommerceDb db, StoreAccess access) =>
        {
            var me = http.User.RequiredUserId();
            var store = await access.OwnedAsync(me, http.RequestAborted);
            var seller = store is null ? null : LedgerAccounts.Seller(store.Id);
            var creator = LedgerAccounts.Creator(me);
            var buyer = LedgerAccounts.Buyer(me);
            var sums = await db.LedgerPostings.Where(p => p.Account == seller || p.Account == creator || p.Account == buyer)
                .GroupBy(p => p.Account).Select(g => new { g.Key, Sum = g.Sum(p => p.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Sum, http.RequestAborted);
            var refunded = await db.LedgerPostings.Where(p => p.Account == buyer && p.Amount > 0).SumAsync(p => (long?)p.Amount, http.RequestAborted) ?? 0;
            return TypedResults.Ok(new BalanceView(seller is null ? 0 : sums.GetValueOrDefault(seller), sums.GetValueOrDefault(creator), -sums.GetValueOrDefault(buyer) + refunded, refunded));
        }).WithTags("Payments").RequireAuthorization().WithSummary("Your balances in the ledger: store earnings, creator commission, what you paid and got back (fen).");
    }

    private static async Task<IResult> NotifyAsync(HttpContext http, PaymentNotifications notifications, IStringLocalizer text)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (body.Length > 64 * 1024)
        {
            return TypedResults.Problem(detail: text["common.too_large"], statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var result = await notifications.HandleAsync(body, http.Request.Headers[SandboxSignature.Header].ToString(), http.RequestAborted);
        return result switch
        {
            NotificationResult.Rejected => TypedResults.Problem(detail: text["commerce.payment.bad_signature"], statusCode: StatusCodes.Status400BadRequest),
            NotificationResult.Unknown => TypedResults.Problem(detail: text["commerce.payment.not_found"], statusCode: StatusCodes.Status404NotFound),
            NotificationResult.Mismatch => TypedResults.Problem(detail: text["commerce.payment.mismatch"], statusCode: StatusCodes.Status422UnprocessableEntity),
            NotificationResult.Unconfirmed => TypedResults.Problem(detail: text["commerce.payment.unconfirmed"], statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok(new { received = true, duplicate = result == NotificationResult.Duplicate }),
        };
    }
}
