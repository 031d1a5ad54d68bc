using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Vermilion.Kernel.Events;

/// <summary>Hands one stored message to every handler of its type, each in its own scope.</summary>
public sealed class EventDelivery(IServiceScopeFactory scopes, EventTypes types)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, object, EventContext, CancellationToken, Task>> Invokers = new();

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = types.Find(message.Type);
        if (type is null)
        {
            return; // nobody in this process knows the type, so nobody subscribes to it
        }

        var domainEvent = JsonSerializer.Deserialize(message.Payload, type, OutboxWriter.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
        var invoke = Invokers.GetOrAdd(type, BuildInvoker);
        await using var scope = scopes.CreateAsyncScope();
        await invoke(scope.ServiceProvider, domainEvent, new EventContext(message.Id, message.OccurredAt), cancellationToken);
    }

    private static Func<IServiceProvider, object, EventContext, CancellationToken, Task> BuildInvoker(Type type) =>
        typeof(EventDelivery)
            .GetMethod(nameof(InvokeAll), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type)
            .CreateDelegate<Func<IServiceProvider, object, EventContext, CancellationToken, Task>>();

    private static async Task InvokeAll<TEvent>(IServiceProvider services, object domainEvent, EventContext context, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, context, cancellationToken);
        }
    }
}
