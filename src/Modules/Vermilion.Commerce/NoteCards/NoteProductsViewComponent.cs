using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.NoteCards;

/// <summary>
/// The product cards beside a note (the community's <c>note.aside</c> slot); nothing when the note has none.
/// Public because MVC only discovers public view components; its services come from the request.
/// </summary>
[ViewComponent(Name = "NoteProducts")]
public sealed class NoteProductsViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string noteId)
    {
        if (!ShortId.TryDecode(noteId, out var id))
        {
            return Content("");
        }

        var queries = HttpContext.RequestServices.GetRequiredService<NoteProductQueries>();
        var cards = await queries.OnNoteAsync(id, UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        return cards is { Count: > 0 } ? View(new NoteProductsModel(noteId, cards)) : Content("");
    }
}

public sealed record NoteProductsModel(string NoteId, IReadOnlyList<Catalog.ProductCardView> Cards);
