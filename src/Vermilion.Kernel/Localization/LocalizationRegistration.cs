using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Vermilion.Kernel.Localization;

public static class LocalizationRegistration
{
    /// <summary>Adds a module's embedded strings to the shared table.</summary>
    public static IServiceCollection AddStrings(this IServiceCollection services, Assembly assembly)
    {
        var table = services.Where(d => d.ServiceType == typeof(StringTable)).Select(d => d.ImplementationInstance).OfType<StringTable>().FirstOrDefault();
        if (table is null)
        {
            table = new StringTable();
            services.AddSingleton(table);
            services.TryAddSingleton<IStringLocalizerFactory, TableStringLocalizerFactory>();
            services.TryAddSingleton<IStringLocalizer, TableStringLocalizer>();
            services.TryAddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        }

        table.Load(assembly);
        return services;
    }
}
