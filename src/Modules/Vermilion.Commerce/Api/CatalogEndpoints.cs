using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.NoteCards;
using Vermilion.Commerce.Reviews;
using Vermilion.Commerce.Stores;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Products").DisableAntiforgery();
        products.MapGet("", ListAsync).WithSummary("Products on sale, best sellers first; store=<id> for one store (its owner also sees what is off the shelf).");
        products.MapPost("", (ProductRequest request, HttpContext http, SaveProductHandler save, ProductQueries queries) => SaveAsync(null, request, http, save, queries))
            .RequireAuthorization().WithSummary("Create a product with its SKUs (prices in fen).");
        products.MapGet("/{id}", GetAsync).WithSummary("A product with its SKUs and spec groups.");
        products.MapPut("/{id}", (string id, ProductRequest request, HttpContext http, SaveProductHandler save, ProductQueries queries, IStringLocalizer text) =>
            Api.Id(id) is { } productId ? SaveAsync(productId, request, http, save, queries) : Task.FromResult(Api.NotFound(text, "commerce.product.not_found")))
            .RequireAuthorization().WithSummary("Edit a product; SKUs left out are retired.");
        products.MapPost("/{id}/shelf", ShelfAsync).RequireAuthorization().WithSummary("Put a product on or off the shelf.");
        products.MapGet("/{id}/skus", SkusAsync).WithSummary("A product's SKUs with price and stock.");
        products.MapPost("/{id}/skus/{skuId}/stock", StockAsync).RequireAuthorization().WithSummary("Restock (positive delta) or write off (negative) units of a SKU.");
        products.MapGet("/{id}/notes", NotesAsync).WithSummary("Notes that feature the product (用户笔记).");
        products.MapGet("/{id}/reviews", ReviewsAsync).WithSummary("The product's reviews, newest first.");
        products.MapPost("/{id}/reviews", ReviewAsync).RequireAuthorization().WithSummary("Review a product of one of your delivered orders.");
        var notes = app.MapGroup("/api/notes/{id}/products").WithTags("Products").DisableAntiforgery();
        notes.MapGet("", OnNoteAsync).WithSummary("The product cards on a note.");
        notes.MapPut("", AttachAsync).RequireAuthorization().WithSummary("Set the product cards on your note (your store's products, or any with a commission).");
    }

    private static async Task<IResult> ListAsync(string? store, int? take, HttpContext http, ProductQueries queries, StoreAccess access)
    {
        long? storeId = store is null ? null : Api.Id(store) ?? -1;
        var own = storeId is not null && http.User.UserId() is { } me && (await access.OwnedAsync(me, http.RequestAborted))?.Id == storeId;
        return TypedResults.Ok(await queries.CardsAsync(null, storeId, own, take ?? 40, http.RequestAborted));
    }

    private static async Task<IResult> SaveAsync(long? id, ProductRequest request, HttpContext http, SaveProductHandler save, ProductQueries queries)
    {
        var outcome = await save.HandleAsync(http.User.RequiredUserId(), id, request, http.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Kernel.Errors.Problems.From(outcome.Failure!);
        }

        var view = await queries.DetailAsync(outcome.Value, http.User.UserId(), http.RequestAborted);
        return id is null ? TypedResults.Created($"/api/products/{view!.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ProductQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } productId && await queries.DetailAsync(productId, http.User.UserId(), http.RequestAborted) is { } product
            ? TypedResults.Ok(product)
            : Api.NotFound(text, "commerce.product.not_found");

    private static async Task<IResult> ShelfAsync(string id, ShelfRequest request, HttpContext http, ManageStockHandler manage, IStringLocalizer text) =>
        Api.Id(id) is { } productId ? Api.Ok(await manage.ShelfAsync(http.User.RequiredUserId(), productId, request.OnShelf, http.RequestAborted)) : Api.NotFound(text, "commerce.product.not_found");

    private static async Task<IResult> SkusAsync(string id, HttpContext http, ProductQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } productId && await queries.DetailAsync(productId, http.User.UserId(), http.RequestAborted) is { } product
            ? TypedResults.Ok(product.Skus)
            : Api.NotFound(text, "commerce.product.not_found");

    private static async Task<IResult> StockAsync(string id, string skuId, StockChange change, HttpContext http, ManageStockHandler manage, IStringLocalizer text) =>
        Api.Id(id) is { } productId && Api.Id(skuId) is { } sku
            ? Api.Ok(await manage.AdjustAsync(http.User.RequiredUserId(), productId, sku, change, http.RequestAborted))
            : Api.NotFound(text, "commerce.sku.not_found");

    private static async Task<IResult> NotesAsync(string id, HttpContext http, NoteProductQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } productId ? TypedResults.Ok(await queries.FeaturingAsync(productId, http.User.UserId(), 20, http.RequestAborted)) : Api.NotFound(text, "commerce.product.not_found");

    private static async Task<IResult> ReviewsAsync(string id, int? take, HttpContext http, ReviewQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } productId ? TypedResults.Ok(await queries.ForProductAsync(productId, take ?? 20, http.RequestAborted)) : Api.NotFound(text, "commerce.product.not_found");

    private static async Task<IResult> ReviewAsync(string id, ReviewRequest request, HttpContext http, WriteReviewHandler write, IStringLocalizer text)
    {
        if (Api.Id(id) is not { } productId)
        {
            return Api.NotFound(text, "commerce.product.not_found");
        }

        var outcome = await write.HandleAsync(http.User.RequiredUserId(), productId, request, http.RequestAborted);
        return outcome.Match(review => TypedResults.Created($"/api/products/{id}/reviews", review));
    }

    private static async Task<IResult> OnNoteAsync(string id, HttpContext http, NoteProductQueries queries, IStringLocalizer text) =>
        Api.Id(id) is { } noteId && await queries.OnNoteAsync(noteId, http.User.UserId(), http.RequestAborted) is { } cards
            ? TypedResults.Ok(cards)
            : Api.NotFound(text, "commerce.note.not_found");

    private static async Task<IResult> AttachAsync(string id, NoteProductsRequest request, HttpContext http, AttachProductsHandler attach, NoteProductQueries queries, IStringLocalizer text)
    {
        if (Api.Id(id) is not { } noteId)
        {
            return Api.NotFound(text, "commerce.note.not_found");
        }

        var outcome = await attach.HandleAsync(http.User.RequiredUserId(), noteId, request, http.RequestAborted);
        return outcome.Succeeded ? TypedResults.Ok(await queries.OnNoteAsync(noteId, http.User.UserId(), http.RequestAborted)) : Kernel.Errors.Problems.From(outcome.Failure!);
    }
}
