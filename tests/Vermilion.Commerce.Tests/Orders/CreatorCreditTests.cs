using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Orders;

public sealed class CreatorCreditTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyingFromYourOwnNote_CreditsNobody_AndTheMerchantSeesWhy(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(commission: 1000, price: 7800);
        var (buyer, _, _) = await app.SignUpAsync();
        var noteId = await NoteWithProductAsync(buyer, merchant);

        var order = await BuyCompleteAsync(app, buyer, merchant, noteId);

        Assert.Equal(noteId, order.GetProperty("noteId").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("creatorId").ValueKind);
        Assert.Equal("buyers_own_note", order.GetProperty("creatorCredit").GetString());
        Assert.Equal(0, (await buyer.BalancesAsync()).GetProperty("creator").GetInt64());
        var seen = await MerchantsViewAsync(merchant, order.GetProperty("id").GetString()!);
        Assert.Equal("buyers_own_note", seen.GetProperty("creatorCredit").GetString());
        Assert.Contains("data-credit=\"buyers_own_note\"", await merchant.Client.GetStringAsync("/merchant/orders"), StringComparison.Ordinal);
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyingFromTheStoresOwnNote_CreditsNobody(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(commission: 1000, price: 7800);
        var noteId = await NoteWithProductAsync(merchant.Client, merchant);
        var (buyer, _, _) = await app.SignUpAsync();

        var order = await BuyCompleteAsync(app, buyer, merchant, noteId);

        Assert.Equal(JsonValueKind.Null, order.GetProperty("creatorId").ValueKind);
        Assert.Equal("stores_own_note", order.GetProperty("creatorCredit").GetString());
        Assert.Equal(0, (await merchant.Client.BalancesAsync()).GetProperty("creator").GetInt64());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyingFromSomeoneElsesNote_CreditsTheAuthor_AndTheMerchantSeesWho(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(commission: 1000, price: 7800);
        var (creator, creatorId, creatorName) = await app.SignUpAsync();
        var noteId = await NoteWithProductAsync(creator, merchant);
        var (buyer, _, _) = await app.SignUpAsync();

        var order = await BuyCompleteAsync(app, buyer, merchant, noteId);

        Assert.Equal(creatorId, order.GetProperty("creatorId").GetString());
        Assert.Equal("credited", order.GetProperty("creatorCredit").GetString());
        Assert.Equal(780, (await creator.BalancesAsync()).GetProperty("creator").GetInt64());
        var seen = await MerchantsViewAsync(merchant, order.GetProperty("id").GetString()!);
        Assert.Equal(creatorId, seen.GetProperty("creatorId").GetString());
        Assert.Equal(1000, seen.GetProperty("commissionBasisPoints").GetInt32());
        Assert.Contains(creatorName, await merchant.Client.GetStringAsync("/merchant/orders"), StringComparison.Ordinal);
        await app.AssertReconciledAsync();
    }

    private static async Task<string> NoteWithProductAsync(HttpClient author, Merchant merchant)
    {
        var note = await author.PostAsJsonAsync("/api/notes", new { type = "text", title = "这款软糖真的好吃", body = "推荐" });
        var noteId = (await note.JsonAsync()).GetProperty("id").GetString()!;
        var attach = await author.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { merchant.ProductId } });
        Assert.Equal(HttpStatusCode.OK, attach.StatusCode);
        return noteId;
    }

    /// <summary>Orders one unit from the note, pays, has it shipped and confirms it; returns the completed order.</summary>
    private static async Task<JsonElement> BuyCompleteAsync(VermilionApp app, HttpClient buyer, Merchant merchant, string noteId)
    {
        var addressId = await buyer.AddressAsync();
        var checkout = await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1, noteId } } });
        var orderId = checkout.GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);
        var ship = await merchant.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "顺丰", trackingNumber = "SF1234567890" });
        Assert.Equal(HttpStatusCode.OK, ship.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/orders/{orderId}/confirm", null)).StatusCode);
        var done = await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        return done;
    }

    private static async Task<JsonElement> MerchantsViewAsync(Merchant merchant, string orderId) =>
        (await merchant.Client.GetFromJsonAsync<JsonElement[]>("/api/stores/mine/orders"))!.Single(o => o.GetProperty("id").GetString() == orderId);
}
