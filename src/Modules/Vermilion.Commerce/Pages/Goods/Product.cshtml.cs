using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Reviews;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Goods;

/// <summary>A product's page (商品详情): pictures, price, the SKU picker, coupons to claim, reviews and the notes that feature it.</summary>
internal sealed class ProductModel(ProductQueries products, ReviewQueries reviews, NoteProductQueries notes, ClaimCouponHandler coupons, CartHandler cart) : CommercePage
{
    public ProductView Product { get; private set; } = null!;

    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];

    public IReadOnlyList<NoteSummary> Notes { get; private set; } = [];

    public IReadOnlyList<CouponView> Coupons { get; private set; } = [];

    public string? NoteId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? note) => await LoadAsync(id, note) ? Page() : NotFound();

    /// <summary>A handler's URL, written out: generated URLs are lower-cased and a short id is case-sensitive.</summary>
    public string Action(string handler) => $"/goods/{Product.Id}?handler={handler}" + (NoteId is null ? "" : "&note=" + NoteId);

    public async Task<IActionResult> OnPostCartAsync(string id, string? note, string? skuId, int quantity = 1)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        var outcome = await cart.PutAsync(User.RequiredUserId(), new CartItemRequest(skuId, quantity, note), add: true, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return Redirect("/cart");
        }

        Show(outcome.Failure!);
        return await LoadAsync(id, note) ? Page() : NotFound();
    }

    public IActionResult OnPostBuy(string id, string? note, string? skuId, int quantity = 1) =>
        User.UserId() is null ? Challenge() : Redirect($"/checkout?sku={Uri.EscapeDataString(skuId ?? "")}&qty={quantity}" + (note is null ? "" : "&note=" + Uri.EscapeDataString(note)));

    public async Task<IActionResult> OnPostClaimAsync(string id, string? note, string couponId)
    {
        if (User.UserId() is null)
        {
            return Challenge();
        }

        if (ShortId.TryDecode(couponId, out var coupon))
        {
            var outcome = await coupons.HandleAsync(User.RequiredUserId(), coupon, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                Notice = "commerce.page.coupon_claimed";
            }
            else
            {
                Show(outcome.Failure!);
            }
        }

        return await LoadAsync(id, note) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string id, string? note)
    {
        if (!ShortId.TryDecode(id, out var productId) || await products.DetailAsync(productId, User.UserId(), HttpContext.RequestAborted) is not { } product)
        {
            return false;
        }

        Product = product;
        NoteId = ShortId.TryDecode(note, out _) ? note : null;
        Reviews = await reviews.ForProductAsync(productId, 20, HttpContext.RequestAborted);
        Notes = await notes.FeaturingAsync(productId, User.UserId(), 8, HttpContext.RequestAborted);
        Coupons = await coupons.OfferedAsync(ShortId.TryDecode(product.StoreId, out var store) ? store : null, HttpContext.RequestAborted);
        return true;
    }
}
