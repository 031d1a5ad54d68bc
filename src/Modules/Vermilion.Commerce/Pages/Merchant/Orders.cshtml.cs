using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>The store's orders; a paid order is shipped here with its carrier and tracking number.</summary>
[Authorize]
internal sealed class OrdersModel(StoreAccess access, OrderQueries orders, ShipOrderHandler ship) : CommercePage
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status)
    {
        if (await access.OwnedAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        Orders = await orders.ForStoreAsync(store.Id, status, 100, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostShipAsync(string orderId, string? carrier, string? trackingNumber)
    {
        var outcome = await ship.HandleAsync(User.RequiredUserId(), ShortId.TryDecode(orderId, out var id) ? id : -1, new ShipRequest(carrier, trackingNumber), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage();
        }

        if (outcome.Failure!.Kind == Kernel.Errors.FailureKind.Forbidden)
        {
            return Forbid();
        }

        Show(outcome.Failure);
        Failed = orderId;
        return await OnGetAsync(null);
    }
}
