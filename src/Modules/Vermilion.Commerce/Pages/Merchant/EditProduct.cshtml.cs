using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Pages.Merchant;

/// <summary>
/// Creates or edits a product. SKUs are lines of "spec values | price | original price | stock" (yuan), the
/// way a merchant types them in a spreadsheet; an existing SKU keeps its id at the end of its line.
/// </summary>
[Authorize]
internal sealed class EditProductModel(StoreAccess access, ProductQueries products, SaveProductHandler save, UploadImageHandler images, CommerceDb db) : CommercePage
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public IReadOnlyList<ShippingTemplateView> Templates { get; private set; } = [];

    public string? ProductId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (await LoadTemplatesAsync() is { } redirect)
        {
            return redirect;
        }

        if (id is not null)
        {
            if (!ShortId.TryDecode(id, out var productId) || await products.DetailAsync(productId, User.RequiredUserId(), HttpContext.RequestAborted) is not { } product)
            {
                return NotFound();
            }

            ProductId = id;
            Form = ProductForm.From(product);
        }
        else
        {
            Form.OnShelf = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, List<IFormFile>? photos)
    {
        if (await LoadTemplatesAsync() is { } redirect)
        {
            return redirect;
        }

        ProductId = id;
        var imageIds = (Form.ImageIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var photo in photos ?? [])
        {
            await using var stream = photo.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, HttpContext.RequestAborted);
            var uploaded = await images.HandleAsync(User.RequiredUserId(), buffer.ToArray(), HttpContext.RequestAborted);
            if (!uploaded.Succeeded)
            {
                Errors["imageIds"] = uploaded.Failure!.Message;
                return Page();
            }

            imageIds.Add(uploaded.Value!.Id);
        }

        Form.ImageIds = string.Join(',', imageIds);
        var (skus, badLine) = ProductForm.ParseSkus(Form.Skus);
        if (badLine is { } line)
        {
            Errors["skus"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>()["commerce.merchant.sku_line"], line + 1);
            return Page();
        }

        long? productId = id is not null && ShortId.TryDecode(id, out var existing) ? existing : null;
        var outcome = await save.HandleAsync(User.RequiredUserId(), productId, Form.ToRequest(imageIds, skus), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Show(outcome.Failure!);
            return Page();
        }

        return Redirect("/merchant/products");
    }

    private async Task<IActionResult?> LoadTemplatesAsync()
    {
        if (await access.OpenAsync(User.RequiredUserId(), HttpContext.RequestAborted) is not { } store)
        {
            return Redirect("/merchant");
        }

        var rows = await db.ShippingTemplates.AsNoTracking().Where(t => t.StoreId == store.Id).OrderBy(t => t.Id).ToListAsync(HttpContext.RequestAborted);
        Templates = [.. rows.Select(SaveShippingTemplateHandler.View)];
        return null;
    }
}

public sealed class ProductForm
{
    public string? Title { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public string? Attributes { get; set; }

    public string? ImageIds { get; set; }

    public string? ShippingTemplateId { get; set; }

    public bool NoReasonReturn { get; set; }

    public bool OnShelf { get; set; }

    public string? Skus { get; set; }

    internal static ProductForm From(ProductView p) => new()
    {
        Title = p.Title,
        Category = p.Category,
        Description = p.Description,
        Attributes = string.Join('\n', p.Attributes.Select(a => $"{a.Key}:{a.Value}")),
        ImageIds = string.Join(',', p.ImageIds.Where(i => i.Length > 0)),
        ShippingTemplateId = p.ShippingTemplateId,
        NoReasonReturn = p.NoReasonReturn,
        OnShelf = p.OnShelf,
        Skus = string.Join('\n', p.Skus.Select(s => $"{s.Specs} | {Money.Yuan(s.Price)} | {(s.OriginalPrice > 0 ? Money.Yuan(s.OriginalPrice) : "")} | {s.Stock} | #{s.Id}")),
    };

    /// <summary>Reads the SKU lines; returns the index of the first line that cannot be read.</summary>
    internal static (List<SkuRequest> Skus, int? BadLine) ParseSkus(string? text)
    {
        var skus = new List<SkuRequest>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || Money.Fen(cells[1]) is not { } price || !int.TryParse(cells[3], System.Globalization.CultureInfo.InvariantCulture, out var stock))
            {
                return (skus, i);
            }

            var original = cells[2].Length == 0 ? 0 : Money.Fen(cells[2]) ?? -1;
            var id = cells.Length > 4 && cells[4].StartsWith('#') ? cells[4][1..] : null;
            skus.Add(new SkuRequest(id, cells[0], price, original, stock));
        }

        return (skus, null);
    }

    internal ProductRequest ToRequest(List<string> imageIds, List<SkuRequest> skus) =>
        new(Title, Category, Description, Attributes, imageIds, ShippingTemplateId, NoReasonReturn, OnShelf, skus);
}
