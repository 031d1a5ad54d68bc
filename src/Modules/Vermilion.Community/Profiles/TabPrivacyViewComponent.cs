using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Profiles;

/// <summary>
/// The "profile privacy" card the community adds to the settings page (slot <c>settings.sections</c>). View
/// components must be public to be found, so the module's internal settings service is resolved per call.
/// </summary>
[ViewComponent(Name = "TabPrivacy")]
public sealed class TabPrivacyViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not { } me)
        {
            return Content("");
        }

        var privacy = HttpContext.RequestServices.GetRequiredService<TabPrivacySettings>();
        return View(await privacy.GetAsync(me, HttpContext.RequestAborted));
    }
}
