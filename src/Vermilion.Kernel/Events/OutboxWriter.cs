using System.Text.Json;
using Vermilion.Kernel.Ids;

namespace Vermilion.Kernel.Events;

/// <summary>Wraps an event as an outbox row; add the row to the same DbContext as the change that caused it.</summary>
public sealed class OutboxWriter(IdGenerator ids, TimeProvider clock, EventTypes types)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public OutboxMessage Wrap<TEvent>(TEvent domainEvent)
        where TEvent : IDomainEvent
    {
        types.Register(typeof(TEvent));
        return new OutboxMessage
        {
            Id = ids.Next(),
            Type = EventTypes.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(domainEvent, Json),
            OccurredAt = clock.GetUtcNow(),
        };
    }
}
