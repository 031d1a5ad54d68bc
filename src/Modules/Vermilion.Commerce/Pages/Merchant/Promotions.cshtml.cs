using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>The store's coupons (满减 / 折扣) and flash sales (秒杀): issue new ones, see how they go.</summary>
[Authorize]
internal sealed class PromotionsModel(StoreAccess access, CommerceDb db, CreateCouponHandler coupons, CreateFlashSaleHandler flash, FlashSaleQueries sales) : CommercePage
{
    public IReadOnlyList<CouponView> Coupons { get; private set; } = [];

    public IReadOnlyList<FlashSaleView> Sales { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await access.OwnedAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        var rows = await db.Coupons.AsNoTracking().Where(c => c.StoreId == store.Id).OrderByDescending(c => c.Id).Take(50).ToListAsync(HttpContext.RequestAborted);
        Coupons = [.. rows.Select(CouponNames.View)];
        Sales = await sales.CurrentAsync(store.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCouponAsync(string? title, string? kind, string? value, string? minSpend, int days, int perUserLimit, int totalQuantity)
    {
        var amount = kind == "percent_off" ? (long.TryParse(value, out var percent) ? percent : -1) : Money.Fen(value) ?? -1;
        var request = new CouponRequest(title, kind, amount, Money.Fen(minSpend) ?? -1, null, DateTimeOffset.UtcNow.AddDays(Math.Clamp(days, 1, 365)), perUserLimit, totalQuantity);
        var outcome = await coupons.HandleAsync(User.RequiredUserId(), request, HttpContext.RequestAborted);
        return await AfterAsync(outcome.Failure, "coupon.");
    }

    public async Task<IActionResult> OnPostFlashAsync(string? skuId, string? price, int quantity, int perUserLimit, int hours)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new FlashSaleRequest(skuId, Money.Fen(price) ?? -1, quantity, perUserLimit, now, now.AddHours(Math.Clamp(hours, 1, 168)));
        var outcome = await flash.HandleAsync(User.RequiredUserId(), request, HttpContext.RequestAborted);
        return await AfterAsync(outcome.Failure, "flash.");
    }

    private async Task<IActionResult> AfterAsync(Kernel.Errors.Failure? failure, string prefix)
    {
        if (failure is null)
        {
            return RedirectToPage();
        }

        Show(failure, prefix);
        return await OnGetAsync();
    }
}
