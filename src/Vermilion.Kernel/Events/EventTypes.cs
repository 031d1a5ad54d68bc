using System.Collections.Concurrent;

namespace Vermilion.Kernel.Events;

/// <summary>Names events by their contract type so a stored message can be read back.</summary>
public sealed class EventTypes
{
    private readonly ConcurrentDictionary<string, Type> _byName = new(StringComparer.Ordinal);

    public EventTypes(IEnumerable<Ids.EventSubscription> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            Register(subscription.EventType);
        }
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public void Register(Type type) => _byName[NameOf(type)] = type;

    public Type? Find(string name) => _byName.GetValueOrDefault(name);
}
