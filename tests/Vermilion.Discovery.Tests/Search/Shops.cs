using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>A merchant with an approved store, acting through the HTTP API.</summary>
internal sealed record Shopkeeper(HttpClient Client, string StoreId, string StoreName);

/// <summary>A product as created: its id and its SKUs' ids.</summary>
internal sealed record Listing(string Id, string[] SkuIds);

/// <summary>Stores, products, orders and reviews through commerce's HTTP API, as merchants and buyers would make them.</summary>
internal static class Shops
{
    public static async Task<Shopkeeper> ShopkeeperAsync(this VermilionApp app, string? storeName = null)
    {
        var (client, _, _) = await app.SignUpAsync();
        storeName ??= "小店" + ApiClient.UniqueName("s");
        var apply = await client.PostAsJsonAsync("/api/stores", new { name = storeName, kind = "individual", description = "好物", commissionBasisPoints = 1000 });
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var storeId = (await apply.JsonAsync()).GetProperty("id").GetString()!;
        var (moderator, _, moderatorName) = await app.SignUpAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(moderatorName, Roles.Moderator, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/stores/{storeId}/decision", new { approve = true })).StatusCode);
        return new Shopkeeper(client, storeId, storeName);
    }

    /// <summary>A product on the shelf; <paramref name="specs"/> are its SKUs' specs ("颜色:红"), each at <paramref name="price"/> fen.</summary>
    public static async Task<Listing> ListAsync(this Shopkeeper shop, string title, long price, string attributes = "", params string[] specs)
    {
        var response = await shop.Client.PostAsJsonAsync("/api/products", Product(title, price, attributes, specs, onShelf: true));
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return new Listing(body.GetProperty("id").GetString()!, [.. body.GetProperty("skus").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)]);
    }

    /// <summary>Edits a product: new title, same price and a single SKU.</summary>
    public static async Task RenameAsync(this Shopkeeper shop, Listing listing, string title, long price)
    {
        var response = await shop.Client.PutAsJsonAsync($"/api/products/{listing.Id}", Product(title, price, "", [], onShelf: true, listing.SkuIds[0]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task ShelveAsync(this Shopkeeper shop, Listing listing, bool onShelf) =>
        Assert.Equal(HttpStatusCode.OK, (await shop.Client.PostAsJsonAsync($"/api/products/{listing.Id}/shelf", new { onShelf })).StatusCode);

    /// <summary>A buyer orders <paramref name="quantity"/> of the product's first SKU and pays on the sandbox's page; returns the order id.</summary>
    public static async Task<string> BuyAsync(this VermilionApp app, HttpClient buyer, Listing listing, int quantity)
    {
        var address = await buyer.PostAsJsonAsync("/api/addresses", new { name = "林小红", phone = "13800001111", region = "浙江", city = "杭州", line = "西湖区文三路 1 号" });
        var addressId = (await address.JsonAsync()).GetProperty("id").GetString();
        var placed = await buyer.PostAsJsonAsync("/api/orders", new { addressId, items = new[] { new { skuId = listing.SkuIds[0], quantity } } });
        var checkout = await placed.JsonAsync();
        Assert.True(placed.StatusCode == HttpStatusCode.Created, checkout.ToString());
        var orderId = checkout.GetProperty("orders")[0].GetProperty("id").GetString()!;
        var pay = await buyer.PostAsync($"/api/orders/{orderId}/pay", null);
        var payment = await pay.JsonAsync();
        Assert.True(pay.IsSuccessStatusCode, payment.ToString());
        // The sandbox's hosted page belongs to the pretend payment company: anyone holding the link pays there.
        var paid = await app.CreateClient().PostFormAsync(payment.GetProperty("payUrl").GetString()!, new Dictionary<string, string> { ["outcome"] = "pay" });
        Assert.True(paid.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, paid.StatusCode.ToString());
        return orderId;
    }

    /// <summary>The merchant ships, the buyer confirms delivery and reviews the product with <paramref name="stars"/>.</summary>
    public static async Task ReviewAsync(this Shopkeeper shop, HttpClient buyer, Listing listing, string orderId, int stars)
    {
        Assert.Equal(HttpStatusCode.OK, (await shop.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "中通", trackingNumber = "ZT" + orderId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/orders/{orderId}/confirm", null)).StatusCode);
        var review = await buyer.PostAsJsonAsync($"/api/products/{listing.Id}/reviews", new { orderId, rating = stars, text = "收到了" });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
    }

    /// <summary>Sets the product cards on a note.</summary>
    public static async Task CarryAsync(this HttpClient author, string noteId, params Listing[] listings) =>
        Assert.Equal(HttpStatusCode.OK, (await author.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = listings.Select(l => l.Id).ToArray() })).StatusCode);

    public static async Task<JsonElement> SearchProductsAsync(this HttpClient client, string query, string extra = "")
    {
        var response = await client.GetAsync($"/api/search/products?q={Uri.EscapeDataString(query)}{extra}");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static async Task<List<string>> ProductsFoundAsync(this HttpClient client, string query, string extra = "") =>
        [.. (await client.SearchProductsAsync(query, extra)).GetProperty("products").EnumerateArray().Select(p => p.GetProperty("card").GetProperty("id").GetString()!)];

    private static object Product(string title, long price, string attributes, string[] specs, bool onShelf, string? skuId = null) => new
    {
        title,
        category = "好物",
        description = "",
        attributes,
        noReasonReturn = true,
        onShelf,
        skus = (specs.Length == 0 ? [""] : specs).Select(s => new { id = skuId, specs = s, price, originalPrice = 0L, stock = 100 }).ToArray(),
    };
}
