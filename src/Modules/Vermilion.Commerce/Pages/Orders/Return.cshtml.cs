using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Payments;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Orders;

/// <summary>Where the payment page sends the buyer back: ask the provider how it went (the notification may be late), then show the order.</summary>
[Authorize]
internal sealed class ReturnModel(CommerceDb db, PaymentApplier payments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? payment)
    {
        var me = User.RequiredUserId();
        if (!ShortId.TryDecode(payment, out var paymentId) || !await db.Payments.AnyAsync(p => p.Id == paymentId && p.BuyerId == me, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        await payments.SyncAsync(paymentId, HttpContext.RequestAborted);
        var orderId = await db.PaymentOrders.Where(p => p.PaymentId == paymentId).OrderBy(p => p.OrderId).Select(p => p.OrderId).FirstAsync(HttpContext.RequestAborted);
        return Redirect("/orders/" + ShortId.Encode(orderId));
    }
}
