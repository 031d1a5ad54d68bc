using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Signals;

/// <summary>A purchase from a note's product card is the strongest "more like this" the feed gets.</summary>
internal sealed class CommerceSignals(SignalWriter writer) : IEventHandler<OrderPaid>
{
    private const string Handler = "discovery.feed.commerce-signals";

    public Task HandleAsync(OrderPaid domainEvent, EventContext context, CancellationToken cancellationToken) =>
        domainEvent.NoteId is { } note
            ? writer.WriteOnceAsync(Handler, context, [new FeedEvent { UserId = domainEvent.BuyerId, Kind = FeedEventKind.Purchase, NoteId = note }], cancellationToken)
            : Task.CompletedTask;
}
