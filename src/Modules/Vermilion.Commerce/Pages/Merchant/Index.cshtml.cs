using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>
/// The merchant console's front page: open a store, see its state (and a change waiting for review), set the
/// creator commission, shipping templates.
/// </summary>
[Authorize]
internal sealed class IndexModel(StoreAccess access, StoreQueries stores, ApplyForStoreHandler apply, SaveShippingTemplateHandler templates, CommerceDb db) : CommercePage
{
    public StoreView? Store { get; private set; }

    public string? DecisionNote { get; private set; }

    public IReadOnlyList<ShippingTemplateView> Templates { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStoreAsync(string? name, string? kind, string? licence, string? description, string? commissionPercent)
    {
        int? basisPoints = string.IsNullOrWhiteSpace(commissionPercent) ? null
            : decimal.TryParse(commissionPercent, System.Globalization.CultureInfo.InvariantCulture, out var percent) ? (int)(percent * 100) : -1;
        var outcome = await apply.HandleAsync(User.RequiredUserId(), new StoreApplication(name, kind, description, basisPoints, licence), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Show(outcome.Failure!);
            if (Errors.Remove("commissionBasisPoints", out var message))
            {
                Errors["commissionPercent"] = message;
            }

            await LoadAsync();
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTemplateAsync(string? templateName, string? flatFee, string? freeAbove, string? excluded)
    {
        var request = new ShippingTemplateRequest(templateName, Money.Fen(flatFee) ?? -1, string.IsNullOrWhiteSpace(freeAbove) ? null : Money.Fen(freeAbove) ?? -1,
            (excluded ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries));
        var outcome = await templates.HandleAsync(User.RequiredUserId(), null, request, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Show(outcome.Failure!, "template.");
            await LoadAsync();
            return Page();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var store = await access.OwnedAsync(User.RequiredUserId(), HttpContext.RequestAborted);
        if (store is null)
        {
            return;
        }

        Store = await stores.ViewAsync(store, HttpContext.RequestAborted, withPendingChange: true);
        DecisionNote = store.DecisionNote;
        var rows = await db.ShippingTemplates.AsNoTracking().Where(t => t.StoreId == store.Id).OrderBy(t => t.Id).ToListAsync(HttpContext.RequestAborted);
        Templates = [.. rows.Select(SaveShippingTemplateHandler.View)];
    }

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Id(long id) => ShortId.Encode(id);
}
