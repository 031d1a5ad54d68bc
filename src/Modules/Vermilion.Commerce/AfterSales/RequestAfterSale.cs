using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.AfterSales;

/// <summary>
/// The buyer asks for a refund, a return or an exchange, with a reason and photos. One open request per order (held by the database, so twin requests cannot both open one);
/// the merchant has a deadline to answer, after which it is approved by itself.
/// </summary>
internal sealed class RequestAfterSaleHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, IOptions<CommerceOptions> options, IStringLocalizer text)
{
    public const int DaysAfterCompletion = 15;

    public async Task<Outcome<AfterSaleView>> HandleAsync(long buyerId, long orderId, AfterSaleRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.BuyerId == buyerId, cancellationToken);
        if (order is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.order.not_found"]);
        }

        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var kind = AfterSaleNames.ParseKind(request.Kind);
        var reason = (request.Reason ?? "").Trim();
        if (kind is null)
        {
            errors.Add("kind", text["commerce.aftersale.kind"]);
        }

        if (reason.Length is 0 or > AfterSale.ReasonMax)
        {
            errors.Add("reason", text["commerce.aftersale.reason", AfterSale.ReasonMax]);
        }

        var amount = kind == AfterSaleKind.Exchange ? 0 : request.Amount ?? order.Total - order.Refunded;
        if (kind != AfterSaleKind.Exchange && (amount < 1 || amount > order.Total - order.Refunded))
        {
            errors.Add("amount", text["commerce.aftersale.amount", order.Total - order.Refunded]);
        }

        var photos = await PhotosAsync(buyerId, request.PhotoIds ?? [], errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        var allowed = order.Status switch
        {
            OrderStatus.Paid => kind == AfterSaleKind.RefundOnly,
            OrderStatus.Shipped or OrderStatus.Delivered => true,
            OrderStatus.Completed => order.CompletedAt > now.AddDays(-DaysAfterCompletion),
            _ => false,
        };
        if (!allowed)
        {
            return new Failure(FailureKind.Conflict, text["commerce.aftersale.not_allowed"]);
        }

        if (await db.AfterSales.AnyAsync(a => a.OrderId == orderId && (a.Status == AfterSaleStatus.Requested || a.Status == AfterSaleStatus.Approved || a.Status == AfterSaleStatus.ReturnShipped), cancellationToken))
        {
            return new Failure(FailureKind.Conflict, text["commerce.aftersale.open"]);
        }

        var afterSale = new AfterSale
        {
            Id = ids.Next(),
            OrderId = orderId,
            BuyerId = buyerId,
            StoreId = order.StoreId,
            Kind = kind!.Value,
            Status = AfterSaleStatus.Requested,
            Reason = reason,
            PhotoKeys = string.Join(',', photos),
            Amount = amount,
            DueAt = now.AddHours(options.Value.AfterSaleRespondHours),
            CreatedAt = now,
        };
        db.AfterSales.Add(afterSale);
        var owner = await db.Stores.Where(s => s.Id == order.StoreId).Select(s => s.OwnerId).FirstAsync(cancellationToken);
        db.OutboxMessages.Add(outbox.Wrap(new AfterSaleRequested(afterSale.Id, orderId, buyerId, order.StoreId, owner)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return new Failure(FailureKind.Conflict, text["commerce.aftersale.open"]); // a twin request opened one first
        }

        return AfterSaleNames.View(afterSale);
    }

    private async Task<List<string>> PhotosAsync(long buyerId, IReadOnlyList<string> photoIds, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (photoIds.Count > AfterSale.PhotosMax)
        {
            errors.Add("photoIds", text["commerce.photos.count", AfterSale.PhotosMax]);
            return [];
        }

        var keys = await Images.ImageLookup.KeysAsync(db, buyerId, photoIds, cancellationToken);
        if (keys is null)
        {
            errors.Add("photoIds", text["commerce.photos.unknown"]);
            return [];
        }

        return keys;
    }
}
