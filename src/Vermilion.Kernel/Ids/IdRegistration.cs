using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Events;

namespace Vermilion.Kernel.Ids;

public static class KernelRegistration
{
    /// <summary>The clock, ids and event plumbing every module uses. <c>Vermilion:NodeId</c> tells nodes apart.</summary>
    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration configuration)
    {
        var node = configuration.GetValue("Vermilion:NodeId", 0);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new IdGenerator(sp.GetRequiredService<TimeProvider>(), node));
        services.AddSingleton<EventTypes>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventDelivery>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    /// <summary>Subscribes a handler to an event from another module.</summary>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IEventHandler<TEvent>
    {
        services.AddScoped<IEventHandler<TEvent>, THandler>();
        services.AddSingleton(new EventSubscription(typeof(TEvent)));
        return services;
    }
}

/// <summary>Lets the dispatcher know an event type before the first one is raised in this process.</summary>
public sealed record EventSubscription(Type EventType);
