using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Admin;

/// <summary>Store applications, and approved stores' changes of name, kind or licence, waiting for a moderator (开店审核).</summary>
[Authorize(Roles = "moderator,admin")]
internal sealed class StoresModel(StoreQueries stores, DecideStoreHandler decide) : CommercePage
{
    public IReadOnlyList<StoreView> Pending { get; private set; } = [];

    /// <summary>Trading stores that asked for a new name, kind or licence.</summary>
    public IReadOnlyList<StoreView> Changes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Pending = await stores.ListAsync(StoreStatus.Pending, 100, HttpContext.RequestAborted);
        Changes = await stores.ChangesAsync(100, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(string storeId, bool approve, string? note)
    {
        var outcome = await decide.HandleAsync(User.RequiredUserId(), ShortId.TryDecode(storeId, out var id) ? id : -1, new StoreDecision(approve, note), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage();
        }

        Show(outcome.Failure!);
        await OnGetAsync();
        return Page();
    }
}
