using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Payments.Sandbox;

namespace Vermilion.Commerce.Pages.Pay;

/// <summary>
/// The sandbox provider's hosted payment page (收银台): the buyer pays, pays with a late notification, or fails.
/// It belongs to the pretend payment company, so it only knows the charge; afterwards it sends the buyer back.
/// </summary>
internal sealed class SandboxModel(CommerceDb db, SandboxProvider sandbox, SandboxNotifier notifier) : CommercePage
{
    public SandboxCharge Charge { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, HttpContext.RequestAborted);
        if (charge is null)
        {
            return NotFound();
        }

        Charge = charge;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string outcome)
    {
        var pay = outcome is "pay" or "late";
        await sandbox.CompleteAsync(id, pay, late: outcome == "late", HttpContext.RequestAborted);
        if (outcome != "late")
        {
            await notifier.DeliverAsync(SandboxProvider.OutcomeEventId(id), HttpContext.RequestAborted); // only this charge's news, and only once
        }

        var reference = await db.SandboxCharges.Where(c => c.Id == id).Select(c => c.Reference).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return reference is null ? NotFound() : Redirect("/orders/return?payment=" + Uri.EscapeDataString(reference));
    }
}
