using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Reviews;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Demo;

/// <summary>
/// One demo order taken through the real use cases as far as its story goes: placed, paid on the sandbox, shipped,
/// confirmed, reviewed, or refunded. The demo is made once on a fresh database, so a use case that refuses here
/// is a bug, and stops the seeding.
/// </summary>
internal sealed class DemoPurchase
{
    private static readonly AddressRequest Address = new("林小红", "13800001111", "浙江", "杭州", "西湖区文三路 1 号");

    private readonly IServiceScopeFactory scopes;

    private DemoPurchase(IServiceScopeFactory scopes, long buyer, long order)
    {
        this.scopes = scopes;
        Buyer = buyer;
        Order = order;
    }

    public long Buyer { get; }

    public long Order { get; }

    /// <summary>Places an order of one SKU, credited to the note it was bought from when there is one.</summary>
    public static async Task<DemoPurchase> PlaceAsync(IServiceScopeFactory scopes, long buyer, long skuId, int quantity, long? noteId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var item = new OrderItemRequest(ShortId.Encode(skuId), quantity, noteId is { } n ? ShortId.Encode(n) : null);
        var placed = Ok(await scope.ServiceProvider.GetRequiredService<PlaceOrderHandler>().HandleAsync(buyer, new PlaceOrderRequest([item], null, Address), null, cancellationToken));
        return new DemoPurchase(scopes, buyer, Decode(placed.Orders[0].Id));
    }

    public async Task PayAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var payment = Ok(await services.GetRequiredService<PayOrderHandler>().HandleAsync(Buyer, Order, null, cancellationToken));
        await services.GetRequiredService<SandboxProvider>().CompleteAsync(payment.PayUrl!.Split('/')[^1], pay: true, late: false, cancellationToken);
        await services.GetRequiredService<PaymentApplier>().SyncAsync(Decode(payment.Id), cancellationToken);
    }

    public async Task ShipAsync(long merchant, string trackingNumber, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        Ok(await scope.ServiceProvider.GetRequiredService<ShipOrderHandler>().HandleAsync(merchant, Order, new ShipRequest("顺丰", trackingNumber), cancellationToken));
    }

    public async Task ConfirmAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        Ok(await scope.ServiceProvider.GetRequiredService<CompleteOrderHandler>().ConfirmAsync(Buyer, Order, cancellationToken));
    }

    /// <summary>Reviews the product; the store answers when given a reply.</summary>
    public async Task ReviewAsync(long productId, int rating, string text, long merchant, string? reply, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var review = Ok(await services.GetRequiredService<WriteReviewHandler>().HandleAsync(Buyer, productId, new ReviewRequest(ShortId.Encode(Order), rating, text), cancellationToken));
        if (reply is not null)
        {
            Ok(await services.GetRequiredService<ReplyToReviewHandler>().ReplyAsync(merchant, Decode(review.Id), new ReplyRequest(reply), cancellationToken));
        }
    }

    /// <summary>The buyer asks for their money back before shipping and the store agrees: the refund goes out at once.</summary>
    public async Task RefundAsync(long merchant, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var asked = Ok(await services.GetRequiredService<RequestAfterSaleHandler>().HandleAsync(Buyer, Order, new AfterSaleRequest("refund_only", reason, null), cancellationToken));
        Ok(await services.GetRequiredService<DecideAfterSaleHandler>().HandleAsync(merchant, Decode(asked.Id), new AfterSaleDecision(true), cancellationToken));
    }

    /// <summary>The buyer asks to send a delivered item back; the store has not answered yet.</summary>
    public async Task AskToReturnAsync(string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        Ok(await scope.ServiceProvider.GetRequiredService<RequestAfterSaleHandler>().HandleAsync(Buyer, Order, new AfterSaleRequest("return_refund", reason, null), cancellationToken));
    }

    private static long Decode(string id) => ShortId.TryDecode(id, out var value) ? value : throw new InvalidOperationException("Not an id: " + id);

    private static T Ok<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException("Demo purchase refused: " + outcome.Failure);
}
