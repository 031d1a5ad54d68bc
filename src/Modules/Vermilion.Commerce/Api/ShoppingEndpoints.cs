using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Addresses;
using Vermilion.Commerce.Carts;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Api;

internal static class ShoppingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart").WithTags("Cart").DisableAntiforgery().RequireAuthorization();
        cart.MapGet("", (HttpContext http, CartHandler carts) => carts.ViewAsync(http.User.RequiredUserId(), http.RequestAborted)).WithSummary("Your cart, grouped by store, at today's prices.");
        cart.MapPost("/items", async (CartItemRequest request, HttpContext http, CartHandler carts) =>
            Api.Ok(await carts.PutAsync(http.User.RequiredUserId(), request, add: true, http.RequestAborted))).WithSummary("Add a SKU (optionally from a note, which credits its creator).");
        cart.MapPut("/items/{skuId}", async (string skuId, CartItemRequest request, HttpContext http, CartHandler carts) =>
            Api.Ok(await carts.PutAsync(http.User.RequiredUserId(), request with { SkuId = skuId }, add: false, http.RequestAborted))).WithSummary("Set a SKU's quantity.");
        cart.MapDelete("/items/{skuId}", async (string skuId, HttpContext http, CartHandler carts, IStringLocalizer text) =>
            Api.Id(skuId) is { } id ? TypedResults.Ok(await carts.RemoveAsync(http.User.RequiredUserId(), id, http.RequestAborted)) : Api.NotFound(text, "commerce.sku.not_found"))
            .WithSummary("Remove a SKU from the cart.");

        var addresses = app.MapGroup("/api/addresses").WithTags("Cart").DisableAntiforgery().RequireAuthorization();
        addresses.MapGet("", (HttpContext http, AddressBook book) => book.ListAsync(http.User.RequiredUserId(), http.RequestAborted)).WithSummary("Your address book.");
        addresses.MapPost("", async (AddressRequest request, HttpContext http, AddressBook book) =>
            (await book.AddAsync(http.User.RequiredUserId(), request, http.RequestAborted)).Match(a => TypedResults.Created($"/api/addresses/{a.Id}", a)))
            .WithSummary("Add an address; the first (or one marked isDefault) becomes the default.");
        addresses.MapDelete("/{id}", async (string id, HttpContext http, AddressBook book, IStringLocalizer text) =>
            Api.Id(id) is { } addressId && await book.RemoveAsync(http.User.RequiredUserId(), addressId, http.RequestAborted)
                ? TypedResults.NoContent()
                : Api.NotFound(text, "commerce.address.not_found")).WithSummary("Remove an address.");
    }
}
