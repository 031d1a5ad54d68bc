using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vermilion.Server.Pages;

/// <summary>The friendly page shown for an error status on a page request.</summary>
// Ordered after the pages' automatic validation (order 1000) so this policy is the effective one on re-executed POSTs.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code is >= 400 and < 600 ? code : 404;

    public void OnPost(int code) => OnGet(code);
}
