using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Catalog;

public sealed class StoreAndCatalogTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AStore_WaitsForAModerator_AndOnlyItsOwnerEditsItsProducts(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var (person, _, _) = await app.SignUpAsync();
        var bad = await person.PostAsJsonAsync("/api/stores", new { name = "", kind = "weird" });
        Assert.Equal(["kind", "name"], (await bad.FieldsAsync()).Order().ToArray());
        var applied = await (await person.PostAsJsonAsync("/api/stores", new { name = "小鹿的杂货铺", kind = "individual" })).JsonAsync();
        Assert.Equal("pending", applied.GetProperty("status").GetString());
        var early = await person.PostAsJsonAsync("/api/products", new { title = "杯子", onShelf = true, skus = new[] { new { price = 100, stock = 1 } } });
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        var selfApproval = await person.PostAsJsonAsync($"/api/stores/{applied.GetProperty("id").GetString()}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/stores/{applied.GetProperty("id").GetString()}")).StatusCode);

        var merchant = await app.MerchantAsync();
        var other = await app.MerchantAsync();
        var foreignEdit = await other.Client.PutAsJsonAsync($"/api/products/{merchant.ProductId}", new { title = "抢来的", onShelf = true, skus = new[] { new { price = 1, stock = 1 } } });
        var foreignSku = await other.Client.PutAsJsonAsync($"/api/products/{other.ProductId}", new { title = "混入", onShelf = true, skus = new[] { new { id = merchant.SkuIds[0], price = 100, stock = 1 } } });
        var badSkus = await merchant.Client.PutAsJsonAsync($"/api/products/{merchant.ProductId}", new { title = "云朵软糖礼盒", onShelf = true, skus = new[] { new { specs = "色:红", price = -5L, stock = -1, originalPrice = 0L }, new { specs = "色:蓝", price = 500L, stock = 1, originalPrice = 100L } } });
        Assert.Equal(HttpStatusCode.Forbidden, foreignEdit.StatusCode);
        Assert.Contains("skus[0].id", await foreignSku.FieldsAsync());
        Assert.Equal(["skus[0].price", "skus[0].stock", "skus[1].originalPrice"], (await badSkus.FieldsAsync()).Order().ToArray());

        // Restocking moves stock; the product's page shows the spec groups for the picker.
        var restock = await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/skus/{merchant.SkuIds[0]}/stock", new { delta = 7 });
        Assert.Equal(57, (await restock.JsonAsync()).GetProperty("stock").GetInt32());
        var writeOffTooMuch = await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/skus/{merchant.SkuIds[0]}/stock", new { delta = -1000 });
        Assert.Equal(HttpStatusCode.Conflict, writeOffTooMuch.StatusCode);
        var product = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/products/{merchant.ProductId}");
        Assert.Equal(["口味", "规格"], product.GetProperty("specGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!).ToArray());
        await app.AssertReconciledAsync();
    }
}
