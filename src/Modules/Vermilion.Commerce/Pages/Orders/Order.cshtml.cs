using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Orders;
using Vermilion.Commerce.Payments;
using Vermilion.Commerce.Reviews;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Orders;

/// <summary>
/// One order for its buyer: its state and history, and what can be done next: pay, cancel, confirm receipt, ask for
/// after-sales (with photos), send a return back, review what arrived (with a photo).
/// </summary>
[Authorize]
internal sealed class OrderModel(
    OrderQueries orders,
    CommerceDb db,
    PayOrderHandler pay,
    EndUnpaidOrderHandler end,
    CompleteOrderHandler complete,
    RequestAfterSaleHandler afterSales,
    ReturnGoodsHandler returns,
    WriteReviewHandler reviews,
    ReviewQueries reviewQueries,
    UploadImageHandler images) : CommercePage
{
    public OrderView Order { get; private set; } = null!;

    public IReadOnlyList<AfterSaleView> AfterSales { get; private set; } = [];

    /// <summary>What the buyer wrote on this order, by product: shown in place of the review form once written.</summary>
    public IReadOnlyDictionary<string, Reviews.ReviewView> Reviewed { get; private set; } = new Dictionary<string, Reviews.ReviewView>();

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPayAsync(string id)
    {
        var outcome = await pay.HandleAsync(User.RequiredUserId(), Decode(id), null, HttpContext.RequestAborted);
        return outcome.Succeeded && outcome.Value!.PayUrl is { } url ? Redirect(url) : await AfterAsync(id, outcome.Failure);
    }

    public async Task<IActionResult> OnPostCancelAsync(string id) =>
        await AfterAsync(id, (await end.CancelAsync(User.RequiredUserId(), Decode(id), HttpContext.RequestAborted)).Failure);

    public async Task<IActionResult> OnPostConfirmAsync(string id) =>
        await AfterAsync(id, (await complete.ConfirmAsync(User.RequiredUserId(), Decode(id), HttpContext.RequestAborted)).Failure);

    public async Task<IActionResult> OnPostAfterSaleAsync(string id, string? kind, string? reason, string? amount, IFormFile? photo)
    {
        var photoIds = new List<string>();
        if (photo is { Length: > 0 } && await UploadAsync(photo, "afterSale.photoIds") is { } photoId)
        {
            photoIds.Add(photoId);
        }

        if (Errors.Count > 0)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        long? fen = string.IsNullOrWhiteSpace(amount) ? null : Money.Fen(amount) ?? -1;
        var outcome = await afterSales.HandleAsync(User.RequiredUserId(), Decode(id), new AfterSaleRequest(kind, reason, fen, photoIds), HttpContext.RequestAborted);
        return await AfterAsync(id, outcome.Failure, "afterSale.");
    }

    public async Task<IActionResult> OnPostReturnAsync(string id, string afterSaleId, string? carrier, string? trackingNumber) =>
        await AfterAsync(id, (await returns.ShipBackAsync(User.RequiredUserId(), Decode(afterSaleId), new ReturnShipmentRequest(carrier, trackingNumber), HttpContext.RequestAborted)).Failure, "return.");

    public async Task<IActionResult> OnPostReviewAsync(string id, string productId, int rating, string? text, IFormFile? photo)
    {
        var imageIds = new List<string>();
        if (photo is { Length: > 0 } && await UploadAsync(photo, $"review.{productId}.imageIds") is { } imageId)
        {
            imageIds.Add(imageId);
        }

        if (Errors.Count > 0)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var outcome = await reviews.HandleAsync(User.RequiredUserId(), Decode(productId), new ReviewRequest(id, rating, text, imageIds), HttpContext.RequestAborted);
        return await AfterAsync(id, outcome.Failure, $"review.{productId}.");
    }

    private async Task<string?> UploadAsync(IFormFile photo, string field)
    {
        await using var stream = photo.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, HttpContext.RequestAborted);
        var uploaded = await images.HandleAsync(User.RequiredUserId(), buffer.ToArray(), HttpContext.RequestAborted);
        if (uploaded.Succeeded)
        {
            return uploaded.Value!.Id;
        }

        Errors[field] = uploaded.Failure!.Message;
        return null;
    }

    private async Task<IActionResult> AfterAsync(string id, Failure? failure, string prefix = "")
    {
        if (failure is null)
        {
            return Redirect($"/orders/{id}");
        }

        Show(failure, prefix);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private static long Decode(string id) => ShortId.TryDecode(id, out var value) ? value : -1;

    private async Task<bool> LoadAsync(string id)
    {
        var me = User.RequiredUserId();
        if (await orders.DetailAsync(Decode(id), HttpContext.RequestAborted) is not { } order || order.BuyerId != ShortId.Encode(me))
        {
            return false;
        }

        Order = order;
        var orderId = Decode(id);
        var list = await db.AfterSales.AsNoTracking().Where(a => a.OrderId == orderId).OrderByDescending(a => a.Id).ToListAsync(HttpContext.RequestAborted);
        AfterSales = [.. list.Select(AfterSaleNames.View)];
        Reviewed = (await reviewQueries.ForOrderAsync(orderId, HttpContext.RequestAborted)).GroupBy(r => r.ProductId).ToDictionary(g => g.Key, g => g.First());
        return true;
    }
}
