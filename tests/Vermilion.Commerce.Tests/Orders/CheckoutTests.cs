using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Orders;

public sealed class CheckoutTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyingFromANote_WithTheFirstOrderCoupon_PaysShipsCompletes_AndSettlesEscrow(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(commission: 1000);
        var (creator, _, _) = await app.SignUpAsync();
        var note = await creator.PostAsJsonAsync("/api/notes", new { type = "text", title = "这款软糖真的好吃", body = "推荐" });
        var noteId = (await note.JsonAsync()).GetProperty("id").GetString()!;
        var attach = await creator.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { merchant.ProductId } });
        Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        var cards = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/notes/{noteId}/products");
        Assert.Equal(9900, cards[0].GetProperty("price").GetInt64());

        var (admin, _, _) = await app.ModeratorAsync();
        var coupon = await admin.PostAsJsonAsync("/api/coupons", new { title = "新人首单立减", kind = "amount_off", value = 500, minSpend = 5000, perUserLimit = 1, totalQuantity = 1000, firstOrderOnly = true, platform = true });
        Assert.Equal(HttpStatusCode.Created, coupon.StatusCode);
        var couponId = (await coupon.JsonAsync()).GetProperty("id").GetString();

        var (buyer, _, _) = await app.SignUpAsync();
        var held = await buyer.PostAsync($"/api/coupons/{couponId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var heldId = (await held.JsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.PostAsync($"/api/coupons/{couponId}/claim", null)).StatusCode);
        var cart = await buyer.PostAsJsonAsync("/api/cart/items", new { skuId = merchant.SkuIds[0], quantity = 1, noteId });
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        var addressId = await buyer.AddressAsync();

        // The client's idea of the price is ignored: the server prices from the database.
        var checkout = await buyer.OrderAsync(new { addressId, couponIds = new[] { heldId }, items = (object?)null, price = 1, total = 1 });
        var order = checkout.GetProperty("orders")[0];
        var orderId = order.GetProperty("id").GetString()!;
        Assert.Equal(9900, order.GetProperty("subtotal").GetInt64());
        Assert.Equal(800, order.GetProperty("shippingFee").GetInt64());
        Assert.Equal(500, order.GetProperty("platformDiscount").GetInt64());
        Assert.Equal(10200, order.GetProperty("total").GetInt64());
        Assert.Equal(noteId, order.GetProperty("noteId").GetString());
        Assert.Equal(0, (await buyer.GetFromJsonAsync<JsonElement>("/api/cart")).GetProperty("count").GetInt32());

        await app.PayAsync(buyer, orderId);
        Assert.Equal("paid", await buyer.StatusAsync(orderId));
        var ship = await merchant.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "顺丰", trackingNumber = "SF1234567890" });
        Assert.Equal(HttpStatusCode.OK, ship.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/orders/{orderId}/confirm", null)).StatusCode);
        var done = await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(["pending_payment", "paid", "shipped", "completed"], done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray());

        // Escrow held 10,200 from the buyer plus 500 from the platform's coupon: 10% of the goods to the creator,
        // 5% of everything to the platform, the rest to the seller.
        Assert.Equal(990, (await creator.BalancesAsync()).GetProperty("creator").GetInt64());
        Assert.Equal(10700 - 990 - 535, (await merchant.Client.BalancesAsync()).GetProperty("seller").GetInt64());
        Assert.Equal(10200, (await buyer.BalancesAsync()).GetProperty("paid").GetInt64());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadCheckouts_AreClearErrors_AndChangeNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(stock: 5);
        var other = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();

        async Task<HttpResponseMessage> Place(object request) => await buyer.PostAsJsonAsync("/api/orders", request);
        var negative = await Place(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = -1 } } });
        var huge = await Place(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1_000_000 } } });
        var unknown = await Place(new { addressId, items = new[] { new { skuId = "zzzzzz", quantity = 1 } } });
        var noAddress = await Place(new { items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } });
        var tibet = await Place(new { address = new { name = "卓玛", phone = "13900000000", region = "西藏", city = "拉萨", line = "北京中路 1 号" }, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } });
        var tooMany = await Place(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 6 } } });
        var foreignCoupon = await Place(new { addressId, couponIds = new[] { "abc" }, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } });
        var offShelf = await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/shelf", new { onShelf = false });
        var offShelfOrder = await Place(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } });
        var malformed = await buyer.PostAsync("/api/orders", new StringContent("{\"items\": [", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("items[0].quantity", await negative.FieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("items[0].skuId", await unknown.FieldsAsync());
        Assert.Contains("address", await noAddress.FieldsAsync());
        Assert.Contains("address.region", await tibet.FieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Contains("couponIds", await foreignCoupon.FieldsAsync());
        Assert.Equal(HttpStatusCode.OK, offShelf.StatusCode);
        Assert.Contains("items[0].skuId", await offShelfOrder.FieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(await buyer.GetFromJsonAsync<JsonElement[]>("/api/orders") ?? []);
        var stock = await merchant.Client.GetFromJsonAsync<JsonElement>($"/api/products/{merchant.ProductId}");
        Assert.Equal(5, stock.GetProperty("skus")[0].GetProperty("stock").GetInt32());

        // A merchant acting on another store's order finds nothing to act on, and the order is untouched.
        await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/shelf", new { onShelf = true });
        var placed = await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } });
        var orderId = placed.GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);
        var foreignShip = await other.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "顺丰", trackingNumber = "SF1234567890" });
        var badTracking = await merchant.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "", trackingNumber = "x" });
        Assert.Equal(HttpStatusCode.NotFound, foreignShip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTracking.StatusCode);
        Assert.Equal(["carrier", "trackingNumber"], (await badTracking.FieldsAsync()).Order().ToArray());
        Assert.Equal("paid", await buyer.StatusAsync(orderId));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/orders/{orderId}")).StatusCode);
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CartAcrossTwoStores_MakesTwoOrders_PaidWithOneCharge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var first = await app.MerchantAsync();
        var second = await app.MerchantAsync(price: 30000);
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        await buyer.PostAsJsonAsync("/api/cart/items", new { skuId = first.SkuIds[1], quantity = 2 });
        await buyer.PostAsJsonAsync("/api/cart/items", new { skuId = second.SkuIds[0], quantity = 1 });

        var checkout = await buyer.OrderAsync(new { addressId });
        var orders = checkout.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(2, orders.Count);
        Assert.All(orders, o => Assert.Equal(0, o.GetProperty("shippingFee").GetInt64())); // both above the free-shipping line
        Assert.Equal((19800 * 2) + 30000, checkout.GetProperty("total").GetInt64());
        await app.PayAsync(buyer, orders[0].GetProperty("id").GetString()!);
        foreach (var order in orders)
        {
            Assert.Equal("paid", await buyer.StatusAsync(order.GetProperty("id").GetString()!));
        }

        await app.AssertReconciledAsync();
    }
}
