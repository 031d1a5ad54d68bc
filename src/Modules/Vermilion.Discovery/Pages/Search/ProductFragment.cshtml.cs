using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Api;
using Vermilion.Discovery.Search.Results;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Pages.Search;

/// <summary>The next page of product results as card HTML for infinite scroll; the cursor after it is in <c>X-Next-Cursor</c>.</summary>
internal sealed class ProductFragmentModel(ProductResults results, IStringLocalizer text) : PageModel
{
    public IReadOnlyList<ProductResult> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? sort, string? cursor)
    {
        var check = ValidProductSearch.Check(new ProductSearchRequest(q, sort, cursor), text);
        if (!check.Succeeded || check.Value!.Cursor is null)
        {
            return BadRequest();
        }

        var page = await results.SearchAsync(User.UserId(), null, check.Value, HttpContext.RequestAborted);
        Products = page.Products;
        Response.Headers["X-Next-Cursor"] = page.Next ?? "";
        return Page();
    }
}
