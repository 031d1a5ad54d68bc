using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Vermilion.Kernel.Web;

/// <summary>
/// A named place on a page (say <c>note.aside</c> on a note's page) where other modules add their own view
/// components: commerce puts product cards beside a note without the community module knowing commerce exists.
/// A page may keep a slot's rendering for a few seconds and show it to every reader of the same thing (a note's page
/// does), so what a slot's component shows must not depend on who is reading.
/// </summary>
public sealed record PageSlot(string Name, string ViewComponent, int Order);

public static class PageSlots
{
    /// <summary>Adds a module's view component to a slot; components render in <paramref name="order"/>.</summary>
    public static IServiceCollection AddPageSlot(this IServiceCollection services, string slot, string viewComponent, int order = 0) =>
        services.AddSingleton(new PageSlot(slot, viewComponent, order));

    /// <summary>Renders every view component registered for the slot with the same arguments; nothing if none.</summary>
    public static async Task<IHtmlContent> RenderSlotAsync(this IViewComponentHelper components, IServiceProvider services, string slot, object arguments)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new HtmlContentBuilder();
        foreach (var entry in services.GetServices<PageSlot>().Where(s => s.Name == slot).OrderBy(s => s.Order))
        {
            builder.AppendHtml(await components.InvokeAsync(entry.ViewComponent, arguments));
        }

        return builder;
    }
}
