using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Stores;

/// <summary>A merchant adds or changes a shipping template: a flat fee, free shipping above an amount, regions not served.</summary>
internal sealed class SaveShippingTemplateHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, StoreAccess stores, IStringLocalizer text)
{
    public const long FeeMax = 100_000;

    public async Task<Outcome<ShippingTemplateView>> HandleAsync(long merchantId, long? templateId, ShippingTemplateRequest request, CancellationToken cancellationToken)
    {
        if (await stores.OpenAsync(merchantId, cancellationToken) is not { } store)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.not_open"]);
        }

        var errors = new FieldErrors();
        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > 30)
        {
            errors.Add("name", text["commerce.field.required"]);
        }

        if (request.FlatFee is < 0 or > FeeMax)
        {
            errors.Add("flatFee", text["commerce.money.range", FeeMax / 100]);
        }

        if (request.FreeAbove is < 0 or > 100_000_000)
        {
            errors.Add("freeAbove", text["commerce.money.range", 1_000_000]);
        }

        var regions = (request.ExcludedRegions ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        if (regions.Count > 40 || regions.Any(r => r.Length > 10 || r.Contains(',', StringComparison.Ordinal)))
        {
            errors.Add("excludedRegions", text["commerce.shipping.regions"]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        ShippingTemplate? template;
        if (templateId is { } id)
        {
            template = await db.ShippingTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (template is null)
            {
                return new Failure(FailureKind.NotFound, text["commerce.shipping.not_found"]);
            }

            if (template.StoreId != store.Id)
            {
                return new Failure(FailureKind.Forbidden, text["commerce.store.not_yours"]);
            }
        }
        else
        {
            template = new ShippingTemplate { Id = ids.Next(), StoreId = store.Id, Name = name, CreatedAt = clock.GetUtcNow() };
            db.ShippingTemplates.Add(template);
        }

        template.Name = name;
        template.FlatFee = request.FlatFee;
        template.FreeAbove = request.FreeAbove;
        template.ExcludedRegions = string.Join(',', regions);
        await db.SaveChangesAsync(cancellationToken);
        return View(template);
    }

    public static ShippingTemplateView View(ShippingTemplate t) => new(ShortId.Encode(t.Id), t.Name, t.FlatFee, t.FreeAbove, t.Excluded);
}
