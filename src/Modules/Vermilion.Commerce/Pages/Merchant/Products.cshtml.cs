using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>The store's products, on and off the shelf, with a shelf switch.</summary>
[Authorize]
internal sealed class ProductsModel(StoreAccess access, ProductQueries products, ManageStockHandler manage) : CommercePage
{
    public IReadOnlyList<ProductCardView> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await access.OpenAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        Products = await products.CardsAsync(null, store.Id, includeOffShelf: true, 200, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostShelfAsync(string productId, bool onShelf)
    {
        if (ShortId.TryDecode(productId, out var id))
        {
            await manage.ShelfAsync(User.RequiredUserId(), id, onShelf, HttpContext.RequestAborted);
        }

        return RedirectToPage();
    }
}
