using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Orders;

/// <summary>Who moved an order: a person (buyer or merchant), the provider's notification, or a background job.</summary>
internal sealed record Actor(long? Id, string Kind)
{
    public static readonly Actor System = new(null, "system");

    public static readonly Actor Provider = new(null, "provider");

    public static Actor Buyer(long id) => new(id, "buyer");

    public static Actor Merchant(long id) => new(id, "merchant");
}

internal static class OrderLog
{
    /// <summary>Records a transition beside the change itself, in the same save.</summary>
    public static void Record(CommerceDb db, IdGenerator ids, long orderId, OrderStatus? from, OrderStatus to, Actor actor, DateTimeOffset at, string? note = null) =>
        db.OrderEvents.Add(new OrderEvent { Id = ids.Next(), OrderId = orderId, From = from, To = to, ActorId = actor.Id, ActorKind = actor.Kind, Note = note, At = at });
}
