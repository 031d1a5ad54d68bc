using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Accounts.Contracts;

namespace Vermilion.Server.Pages;

/// <summary>The home page. The discovery feed arrives with the community and discovery modules; until then, the people.</summary>
public sealed class IndexModel(IUserDirectory directory) : PageModel
{
    public IReadOnlyList<UserSummary> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await directory.NewestAsync(24, cancellationToken);
}
