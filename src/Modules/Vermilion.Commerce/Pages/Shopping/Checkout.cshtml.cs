using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Vermilion.Commerce.Addresses;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Coupons;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Shopping;

/// <summary>
/// Checkout (确认订单): the items (one SKU from "buy now", or the cart), the address book, the coupons, and the
/// prices as the server computes them. Placing carries a key made when the page was drawn, so a double submit
/// places once; then the buyer goes to the payment page.
/// </summary>
[Authorize]
internal sealed class CheckoutModel(CheckoutPricing pricing, PlaceOrderHandler place, PayOrderHandler pay, AddressBook addresses, ClaimCouponHandler coupons, CartHandler carts) : CommercePage
{
    public IReadOnlyList<OrderItemRequest> Items { get; private set; } = [];

    public IReadOnlyList<AddressView> Addresses { get; private set; } = [];

    public IReadOnlyList<HeldCouponView> Coupons { get; private set; } = [];

    public CheckoutPlan? Plan { get; private set; }

    public string Key { get; private set; } = Guid.NewGuid().ToString("N");

    [BindProperty(SupportsGet = true)]
    public string? Sku { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Qty { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Note { get; set; }

    [BindProperty]
    public string? AddressId { get; set; }

    [BindProperty]
    public List<string> CouponIds { get; set; } = [];

    [BindProperty]
    public AddressRequest? NewAddress { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(preview: true);
        return Items.Count == 0 ? Redirect("/cart") : Page();
    }

    public async Task<IActionResult> OnPostAddressAsync()
    {
        var outcome = await addresses.AddAsync(User.RequiredUserId(), NewAddress ?? new AddressRequest(null, null, null, null, null), HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            AddressId = outcome.Value!.Id;
        }
        else
        {
            Show(outcome.Failure!, "newAddress.");
        }

        await LoadAsync(preview: outcome.Succeeded);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadAsync(preview: true);
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(string key)
    {
        var buyer = User.RequiredUserId();
        var request = new PlaceOrderRequest(Sku is null ? null : [new OrderItemRequest(Sku, Qty, Note)], AddressId, null, CouponIds);
        var placed = await place.HandleAsync(buyer, request, "page:" + key, HttpContext.RequestAborted);
        if (!placed.Succeeded)
        {
            Show(placed.Failure!);
            await LoadAsync(preview: false);
            return Page();
        }

        var first = ShortId.TryDecode(placed.Value!.Orders[0].Id, out var orderId) ? orderId : 0;
        var payment = await pay.HandleAsync(buyer, first, "page:" + key, HttpContext.RequestAborted);
        return payment.Succeeded && payment.Value!.PayUrl is { } url ? Redirect(url) : Redirect("/orders/" + placed.Value.Orders[0].Id);
    }

    private async Task LoadAsync(bool preview)
    {
        var buyer = User.RequiredUserId();
        if (Sku is not null)
        {
            Items = [new OrderItemRequest(Sku, Qty, Note)];
        }
        else
        {
            var cart = await carts.ViewAsync(buyer, HttpContext.RequestAborted);
            Items = [.. cart.Stores.SelectMany(s => s.Lines).Where(l => l.Available).Select(l => new OrderItemRequest(l.SkuId, l.Quantity, l.NoteId))];
        }

        Addresses = await addresses.ListAsync(buyer, HttpContext.RequestAborted);
        AddressId ??= Addresses.FirstOrDefault(a => a.IsDefault)?.Id;
        Coupons = await coupons.HeldAsync(buyer, availableOnly: true, HttpContext.RequestAborted);
        if (Items.Count > 0 && AddressId is not null)
        {
            var priced = await pricing.PriceAsync(buyer, Items, new PlaceOrderRequest(Items, AddressId, null, CouponIds), HttpContext.RequestAborted);
            if (priced.Succeeded)
            {
                Plan = priced.Value;
            }
            else if (preview)
            {
                Show(priced.Failure!);
            }
        }
    }
}
