using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vermilion.Discovery.Search.Moderation;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Pages.Admin;

/// <summary>Operators remove or block hot searches (热搜管理).</summary>
[Authorize(Roles = Accounts.Contracts.Roles.Admin)]
internal sealed class HotSearchesModel(HotSearchModeration moderation) : PageModel
{
    public IReadOnlyList<ModeratedQuery> Hot { get; private set; } = [];

    public IReadOnlyList<ModeratedQuery> Blocked { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        Hot = await moderation.HotAsync(50, HttpContext.RequestAborted);
        Blocked = await moderation.BlockedAsync(HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostRemoveAsync(string? q) => AfterAsync(moderation.RemoveAsync(q, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostBlockAsync(string? q) => AfterAsync(moderation.BlockAsync(q, User.RequiredUserId(), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUnblockAsync(string? q) => AfterAsync(moderation.UnblockAsync(q, HttpContext.RequestAborted));

    private async Task<IActionResult> AfterAsync<T>(Task<Outcome<T>> action)
    {
        var outcome = await action;
        if (outcome.Succeeded)
        {
            return RedirectToPage();
        }

        Error = outcome.Failure!.Fields?.All.SelectMany(f => f.Value).FirstOrDefault() ?? outcome.Failure.Message;
        await OnGetAsync();
        return Page();
    }
}
