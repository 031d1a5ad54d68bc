using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Carts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Shopping;

/// <summary>The cart (购物车), grouped by store, at today's prices.</summary>
[Authorize]
internal sealed class CartModel(CartHandler carts) : CommercePage
{
    public CartView Cart { get; private set; } = new([], 0, 0);

    public async Task OnGetAsync() => Cart = await carts.ViewAsync(User.RequiredUserId(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostQuantityAsync(string skuId, int quantity)
    {
        var outcome = await carts.PutAsync(User.RequiredUserId(), new CartItemRequest(skuId, quantity), add: false, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Show(outcome.Failure!);
            await OnGetAsync();
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string skuId)
    {
        if (ShortId.TryDecode(skuId, out var id))
        {
            await carts.RemoveAsync(User.RequiredUserId(), id, HttpContext.RequestAborted);
        }

        return RedirectToPage();
    }
}
