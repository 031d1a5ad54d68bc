namespace Vermilion.Kernel.Events;

/// <summary>Something that happened in a module that other modules may react to. Events are contracts: public records.</summary>
#pragma warning disable CA1040 // a marker is the point: only events go into the outbox
public interface IDomainEvent;
#pragma warning restore CA1040

/// <summary>Where and when an event was recorded, for idempotent handling.</summary>
public sealed record EventContext(long MessageId, DateTimeOffset OccurredAt);

/// <summary>Reacts to an event from another module. Delivery is at least once: a handler must be idempotent.</summary>
public interface IEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, EventContext context, CancellationToken cancellationToken);
}
