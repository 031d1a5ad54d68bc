using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>The store's reviews, negative ones awaiting a reply first in their own tab, each with a reply box.</summary>
[Authorize]
internal sealed class ReviewsModel(StoreAccess access, ReviewQueries reviews, ReplyToReviewHandler reply) : CommercePage
{
    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];

    public bool Awaiting { get; private set; }

    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool awaiting = false)
    {
        if (await access.OwnedAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        Awaiting = awaiting;
        Reviews = await reviews.ForStoreAsync(store.Id, awaiting, 100, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(string reviewId, string? text)
    {
        var outcome = await reply.ReplyAsync(User.RequiredUserId(), ShortId.TryDecode(reviewId, out var id) ? id : -1, new ReplyRequest(text), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return RedirectToPage();
        }

        if (outcome.Failure!.Kind == Kernel.Errors.FailureKind.Forbidden)
        {
            return Forbid();
        }

        Show(outcome.Failure);
        Failed = reviewId;
        return await OnGetAsync();
    }
}
