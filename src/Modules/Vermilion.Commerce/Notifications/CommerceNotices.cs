using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Notifications;

/// <summary>
/// Tells people what happened to their orders, stores and reviews through the community's notifications. It runs
/// from the outbox, after the change committed; the notice's dedupe key makes a redelivered event harmless.
/// </summary>
internal sealed class CommerceNotices(INotifier notifier) :
    IEventHandler<OrderPaid>,
    IEventHandler<OrderShipped>,
    IEventHandler<OrderCompleted>,
    IEventHandler<OrderClosed>,
    IEventHandler<RefundIssued>,
    IEventHandler<AfterSaleRequested>,
    IEventHandler<AfterSaleDecided>,
    IEventHandler<ReviewPosted>,
    IEventHandler<ReviewReplied>,
    IEventHandler<StoreDecided>,
    IEventHandler<StoreChangeDecided>
{
    public static void Register(IServiceCollection services)
    {
        services.AddEventHandler<OrderPaid, CommerceNotices>();
        services.AddEventHandler<OrderShipped, CommerceNotices>();
        services.AddEventHandler<OrderCompleted, CommerceNotices>();
        services.AddEventHandler<OrderClosed, CommerceNotices>();
        services.AddEventHandler<RefundIssued, CommerceNotices>();
        services.AddEventHandler<AfterSaleRequested, CommerceNotices>();
        services.AddEventHandler<AfterSaleDecided, CommerceNotices>();
        services.AddEventHandler<ReviewPosted, CommerceNotices>();
        services.AddEventHandler<ReviewReplied, CommerceNotices>();
        services.AddEventHandler<StoreDecided, CommerceNotices>();
        services.AddEventHandler<StoreChangeDecided, CommerceNotices>();
    }

    public Task HandleAsync(OrderPaid e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.StoreOwnerId, "commerce.notice.order_paid", [Id(e.OrderId), Yuan(e.Total)], "/merchant/orders", "paid:" + e.OrderId, cancellationToken);

    public Task HandleAsync(OrderShipped e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.BuyerId, "commerce.notice.order_shipped", [Id(e.OrderId), e.Carrier, e.TrackingNumber], "/orders/" + Id(e.OrderId), "shipped:" + e.OrderId, cancellationToken);

    public Task HandleAsync(OrderCompleted e, EventContext context, CancellationToken cancellationToken) =>
        e.CreatorId is { } creator && e.Commission > 0
            ? Send(creator, "commerce.notice.commission", [Yuan(e.Commission), Id(e.OrderId)], "/me/earnings", "commission:" + e.OrderId, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(OrderClosed e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.BuyerId, "commerce.notice.order_closed." + e.Reason, [Id(e.OrderId)], "/orders/" + Id(e.OrderId), "closed:" + e.OrderId, cancellationToken);

    public Task HandleAsync(RefundIssued e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.BuyerId, "commerce.notice.refund", [Yuan(e.Amount), Id(e.OrderId)], "/orders/" + Id(e.OrderId), "refund:" + e.RefundId, cancellationToken);

    public Task HandleAsync(AfterSaleRequested e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.StoreOwnerId, "commerce.notice.after_sale", [Id(e.OrderId)], "/merchant/after-sales", "aftersale:" + e.AfterSaleId, cancellationToken);

    public Task HandleAsync(AfterSaleDecided e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.BuyerId, e.Approved ? "commerce.notice.after_sale_approved" : "commerce.notice.after_sale_rejected", [Id(e.OrderId)], "/orders/" + Id(e.OrderId), "decided:" + e.AfterSaleId, cancellationToken);

    public Task HandleAsync(ReviewPosted e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.StoreOwnerId, e.Rating <= Reviews.Review.NegativeAtMost ? "commerce.notice.review_negative" : "commerce.notice.review", [e.Rating.ToString(CultureInfo.InvariantCulture)],
            "/merchant/reviews", "review:" + e.ReviewId, cancellationToken);

    public Task HandleAsync(ReviewReplied e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.BuyerId, "commerce.notice.review_replied", [], "/orders", "replied:" + e.ReviewId, cancellationToken);

    public Task HandleAsync(StoreDecided e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.OwnerId, e.Approved ? "commerce.notice.store_approved" : "commerce.notice.store_rejected", [], "/merchant", "store:" + e.StoreId + ":" + e.Approved, cancellationToken);

    public Task HandleAsync(StoreChangeDecided e, EventContext context, CancellationToken cancellationToken) =>
        Send(e.OwnerId, e.Approved ? "commerce.notice.store_change_approved" : "commerce.notice.store_change_rejected", [], "/merchant", "store-change:" + context.MessageId, cancellationToken);

    private Task Send(long userId, string key, IReadOnlyList<string> args, string link, string dedupe, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(new Notice(userId, key.StartsWith("commerce.notice.store", StringComparison.Ordinal) ? INotifier.System : INotifier.Orders, key, args, link, "commerce:" + dedupe), cancellationToken);

    private static string Id(long id) => ShortId.Encode(id);

    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
