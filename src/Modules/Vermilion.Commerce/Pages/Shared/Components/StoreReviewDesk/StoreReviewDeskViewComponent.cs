using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Stores;

namespace Vermilion.Commerce.Pages.Shared.Components.StoreReviewDesk;

/// <summary>The operator desk's card for store reviews: applications and changes waiting. Public for MVC discovery.</summary>
[ViewComponent(Name = "StoreReviewDesk")]
public sealed class StoreReviewDeskViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var db = HttpContext.RequestServices.GetRequiredService<CommerceDb>();
        var applications = await db.Stores.CountAsync(s => s.Status == StoreStatus.Pending, HttpContext.RequestAborted);
        var changes = await db.Stores.CountAsync(s => s.ChangeRequestedAt != null && s.Status != StoreStatus.Pending, HttpContext.RequestAborted);
        return View(new StoreReviewDeskModel(applications, changes));
    }
}

public sealed record StoreReviewDeskModel(int Applications, int Changes);
