using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>After-sales requests to answer before their deadline, and returns to receive.</summary>
[Authorize]
internal sealed class AfterSalesModel(StoreAccess access, CommerceDb db, DecideAfterSaleHandler decide, ReturnGoodsHandler returns) : CommercePage
{
    public IReadOnlyList<AfterSaleView> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await access.OwnedAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        var rows = await db.AfterSales.AsNoTracking().Where(a => a.StoreId == store.Id).OrderByDescending(a => a.Id).Take(100).ToListAsync(HttpContext.RequestAborted);
        Requests = [.. rows.Select(AfterSaleNames.View)];
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string afterSaleId, bool approve, string? note) =>
        await AfterAsync((await decide.HandleAsync(User.RequiredUserId(), Decode(afterSaleId), new AfterSaleDecision(approve, note), HttpContext.RequestAborted)).Failure);

    public async Task<IActionResult> OnPostReceiveAsync(string afterSaleId, string? carrier, string? trackingNumber) =>
        await AfterAsync((await returns.ReceiveAsync(User.RequiredUserId(), Decode(afterSaleId),
            string.IsNullOrWhiteSpace(carrier) ? null : new ReturnShipmentRequest(carrier, trackingNumber), HttpContext.RequestAborted)).Failure);

    private async Task<IActionResult> AfterAsync(Failure? failure)
    {
        if (failure is null)
        {
            return RedirectToPage();
        }

        if (failure.Kind == FailureKind.Forbidden)
        {
            return Forbid();
        }

        Show(failure);
        return await OnGetAsync();
    }

    private static long Decode(string id) => ShortId.TryDecode(id, out var value) ? value : -1;
}
