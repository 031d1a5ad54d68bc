using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Images;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class StoreEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var stores = app.MapGroup("/api/stores").WithTags("Stores").DisableAntiforgery();
        stores.MapGet("", ListAsync).WithSummary("Approved stores; moderators may ask for status=pending (applications) or status=changes (name, kind or licence changes waiting for review).");
        stores.MapPost("", ApplyAsync).RequireAuthorization().WithSummary("Apply to open a store, or update the one you run: a new name, kind or licence of an approved store waits for review.");
        stores.MapGet("/mine", MineAsync).RequireAuthorization().WithSummary("The store you run, whatever its state.");
        stores.MapGet("/{id}", GetAsync).WithSummary("A store with its rating, reply rate and median reply time.");
        stores.MapPost("/{id}/decision", DecideAsync).RequireAuthorization().WithSummary("A moderator approves or rejects a store application, or an approved store's change.");
        var templates = app.MapGroup("/api/shipping-templates").WithTags("Stores").DisableAntiforgery().RequireAuthorization();
        templates.MapGet("", TemplatesAsync).WithSummary("Your store's shipping templates.");
        templates.MapPost("", (ShippingTemplateRequest request, HttpContext http, SaveShippingTemplateHandler save) => SaveTemplateAsync(null, request, http, save))
            .WithSummary("Add a shipping template: flat fee, free above an amount, excluded regions (fen).");
        templates.MapPut("/{id}", (string id, ShippingTemplateRequest request, HttpContext http, SaveShippingTemplateHandler save, IStringLocalizer text) =>
            Api.Id(id) is { } templateId ? SaveTemplateAsync(templateId, request, http, save) : Task.FromResult(Api.NotFound(text, "commerce.shipping.not_found")))
            .WithSummary("Change a shipping template.");
        app.MapPost("/api/images", UploadAsync).WithTags("Stores").DisableAntiforgery().RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Upload a picture for a product, a review or an after-sales request; returns its id.");
    }

    private static async Task<IResult> ListAsync(string? status, HttpContext http, StoreQueries queries, Accounts.Contracts.IUserDirectory users)
    {
        if (status is "pending" or "changes")
        {
            var me = http.User.UserId() is { } id ? await users.FindAsync(id, http.RequestAborted) : null;
            if (me is null || !me.Roles.Any(r => r is Accounts.Contracts.Roles.Moderator or Accounts.Contracts.Roles.Admin))
            {
                return TypedResults.Forbid();
            }

            return TypedResults.Ok(status == "pending"
                ? await queries.ListAsync(StoreStatus.Pending, 100, http.RequestAborted)
                : await queries.ChangesAsync(100, http.RequestAborted));
        }

        return TypedResults.Ok(await queries.ListAsync(StoreStatus.Approved, 100, http.RequestAborted));
    }

    private static async Task<IResult> ApplyAsync(StoreApplication request, HttpContext http, ApplyForStoreHandler apply) =>
        Api.Ok(await apply.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted));

    private static async Task<IResult> MineAsync(HttpContext http, StoreAccess access, StoreQueries queries, IStringLocalizer text) =>
        await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted) is { } store
            ? TypedResults.Ok(await queries.ViewAsync(store, http.RequestAborted, withPendingChange: true))
            : Api.NotFound(text, "commerce.store.none");

    private static async Task<IResult> GetAsync(string id, HttpContext http, StoreQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } storeId && await queries.ViewAsync(storeId, http.RequestAborted) is { } store && (store.Status == "approved" || store.OwnerId == (http.User.UserId() is { } me ? Kernel.Ids.ShortId.Encode(me) : null))
            ? TypedResults.Ok(store)
            : Api.NotFound(text, "commerce.store.not_found");

    private static async Task<IResult> DecideAsync(string id, StoreDecision decision, HttpContext http, DecideStoreHandler decide, IStringLocalizer text) =>
        Api.Id(id) is { } storeId ? Api.Ok(await decide.HandleAsync(http.User.RequiredUserId(), storeId, decision, http.RequestAborted)) : Api.NotFound(text, "commerce.store.not_found");

    private static async Task<IResult> TemplatesAsync(HttpContext http, StoreAccess access, CommerceDb db)
    {
        var store = await access.OwnedAsync(http.User.RequiredUserId(), http.RequestAborted);
        var templates = store is null ? [] : await db.ShippingTemplates.AsNoTracking().Where(t => t.StoreId == store.Id).OrderBy(t => t.Id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(templates.Select(SaveShippingTemplateHandler.View).ToList());
    }

    private static async Task<IResult> SaveTemplateAsync(long? id, ShippingTemplateRequest request, HttpContext http, SaveShippingTemplateHandler save) =>
        Api.Ok(await save.HandleAsync(http.User.RequiredUserId(), id, request, http.RequestAborted));

    private static async Task<IResult> UploadAsync(HttpContext http, UploadImageHandler upload)
    {
        var bytes = await UploadReader.ReadAsync(http.Request, "file", Kernel.Media.ImageLimits.NoteImage.MaxBytes, http.RequestAborted);
        var outcome = await upload.HandleAsync(http.User.RequiredUserId(), bytes, http.RequestAborted);
        return outcome.Match(image => TypedResults.Created(image.Url, image));
    }
}
