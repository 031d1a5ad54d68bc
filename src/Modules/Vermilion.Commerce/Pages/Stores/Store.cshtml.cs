using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Stores;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Stores;

/// <summary>A store's page (店铺主页): its badge, rating, how it answers negative reviews, its products and its notes.</summary>
internal sealed class StoreModel(StoreQueries stores, ProductQueries products, INoteDirectory notes) : CommercePage
{
    public StoreView Store { get; private set; } = null!;

    public IReadOnlyList<ProductCardView> Products { get; private set; } = [];

    public IReadOnlyList<NoteSummary> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!ShortId.TryDecode(id, out var storeId) || await stores.ViewAsync(storeId, HttpContext.RequestAborted) is not { Status: "approved" } store)
        {
            return NotFound();
        }

        Store = store;
        Products = await products.CardsAsync(null, storeId, includeOffShelf: false, 60, HttpContext.RequestAborted);
        Notes = ShortId.TryDecode(store.OwnerId, out var owner) ? await notes.ByAuthorAsync(owner, User.UserId(), 12, HttpContext.RequestAborted) : [];
        return Page();
    }
}
