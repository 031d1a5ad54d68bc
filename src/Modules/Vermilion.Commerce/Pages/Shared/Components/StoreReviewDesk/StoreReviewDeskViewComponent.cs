using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Stores;

namespace Vermilion.Commerce.Pages.Shared.Components.StoreReviewDesk;

/// <summary>The operator desk's card for store reviews: applications and changes waiting. Public for MVC discovery.</summary>
[ViewComponent(Name = "StoreReviewDesk")]
public sealed class StoreReviewDeskViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var (applications, changes) = await HttpContext.RequestServices.GetRequiredService<StoreQueries>().WaitingAsync(HttpContext.RequestAborted);
        return View(new StoreReviewDeskModel(applications, changes));
    }
}

public sealed record StoreReviewDeskModel(int Applications, int Changes);
