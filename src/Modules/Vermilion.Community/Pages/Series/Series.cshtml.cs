using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Community.Series;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Pages.Series;

/// <summary>A series page: its notes in the creator's order; the creator renames, reorders and removes here.</summary>
internal sealed class SeriesModel(SeriesQueries queries) : PageModel
{
    public SeriesDetail Detail { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!ShortId.TryDecode(id, out var seriesId) || await queries.DetailAsync(seriesId, User.UserId(), HttpContext.RequestAborted) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        IsOwner = User.UserId() == detail.Series.Owner.Id;
        return Page();
    }
}
