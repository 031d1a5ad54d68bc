using Microsoft.AspNetCore.Mvc;

namespace Vermilion.Discovery.Pages.Shared.Components.HotSearchDesk;

/// <summary>The operator desk's card for the hot-search list (admins only, as the page is). Public for MVC discovery.</summary>
[ViewComponent(Name = "HotSearchDesk")]
public sealed class HotSearchDeskViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() =>
        UserClaimsPrincipal.IsInRole(Accounts.Contracts.Roles.Admin) ? View() : Content("");
}
