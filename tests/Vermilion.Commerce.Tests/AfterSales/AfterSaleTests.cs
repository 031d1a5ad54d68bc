using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Jobs;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.AfterSales;

/// <summary>After-sales and the deadlines, with a clock the test moves.</summary>
public sealed class AfterSaleTests
{
    private static async Task<(VermilionApp App, ManualClock Clock)> StartAsync(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?> { ["Commerce:JobIntervalSeconds"] = "3600" }, clock);
        return (app, clock);
    }

    private static async Task<string> PaidOrderAsync(VermilionApp app, Merchant merchant, HttpClient buyer, string? noteId = null)
    {
        var addressId = await buyer.AddressAsync();
        var order = await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1, noteId } } });
        var orderId = order.GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);
        return orderId;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefundOnly_BeforeShipping_ClosesTheOrder_AndGivesStockBack(DatabaseProvider provider)
    {
        var (app, _) = await StartAsync(provider);
        await using var _app = app;
        var merchant = await app.MerchantAsync(stock: 10);
        var (buyer, _, _) = await app.SignUpAsync();
        var orderId = await PaidOrderAsync(app, merchant, buyer);

        var request = await buyer.PostAsJsonAsync($"/api/orders/{orderId}/after-sales", new { kind = "refund_only", reason = "拍错了" });
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        var afterSaleId = (await request.JsonAsync()).GetProperty("id").GetString();
        var twice = await buyer.PostAsJsonAsync($"/api/orders/{orderId}/after-sales", new { kind = "refund_only", reason = "再来一次" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var approve = await merchant.Client.PostAsJsonAsync($"/api/after-sales/{afterSaleId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        Assert.Equal("closed", await buyer.StatusAsync(orderId));
        Assert.Equal(0, (await buyer.BalancesAsync()).GetProperty("paid").GetInt64() - (await buyer.BalancesAsync()).GetProperty("refunded").GetInt64());
        var product = await buyer.GetFromJsonAsync<JsonElement>($"/api/products/{merchant.ProductId}");
        Assert.Equal(10, product.GetProperty("skus")[0].GetProperty("stock").GetInt32());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReturnAfterCompletion_ReversesTheCommission_AndUnansweredRequestsApproveThemselves(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _app = app;
        var merchant = await app.MerchantAsync(commission: 2000);
        var (creator, _, _) = await app.SignUpAsync();
        var noteId = (await (await creator.PostAsJsonAsync("/api/notes", new { type = "text", title = "推荐", body = "好吃" })).JsonAsync()).GetProperty("id").GetString()!;
        await creator.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { merchant.ProductId } });
        var (buyer, _, _) = await app.SignUpAsync();
        var orderId = await PaidOrderAsync(app, merchant, buyer, noteId);
        await merchant.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "圆通", trackingNumber = "YT0000000001" });
        await buyer.PostAsync($"/api/orders/{orderId}/confirm", null);
        Assert.Equal(1980, (await creator.BalancesAsync()).GetProperty("creator").GetInt64()); // 20% of 9,900

        var request = await buyer.PostAsJsonAsync($"/api/orders/{orderId}/after-sales", new { kind = "return_refund", reason = "有破损", amount = 10700 });
        var afterSaleId = (await request.JsonAsync()).GetProperty("id").GetString();
        clock.Advance(TimeSpan.FromHours(49)); // the merchant did not answer within 48 hours
        await app.Services.GetRequiredService<CommerceJobs>().RunOnceAsync(CancellationToken.None);
        var shipped = await buyer.PostAsJsonAsync($"/api/after-sales/{afterSaleId}/return", new { carrier = "圆通", trackingNumber = "YT0000000002" });
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.True((await shipped.JsonAsync()).GetProperty("autoApproved").GetBoolean());
        clock.Advance(TimeSpan.FromDays(8)); // nor confirm the return within 7 days
        await app.Services.GetRequiredService<CommerceJobs>().RunOnceAsync(CancellationToken.None);

        var order = await buyer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal(10700, order.GetProperty("refunded").GetInt64());
        Assert.Equal(0, (await creator.BalancesAsync()).GetProperty("creator").GetInt64());
        Assert.Equal(0, (await merchant.Client.BalancesAsync()).GetProperty("seller").GetInt64());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnpaidOrders_CloseAfterTheTimeout_ReturningStockAndCoupon_AndLatePaymentsAreRefunded(DatabaseProvider provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _app = app;
        var merchant = await app.MerchantAsync(stock: 3);
        var coupon = await merchant.Client.PostAsJsonAsync("/api/coupons", new { title = "店铺满减", kind = "amount_off", value = 1000, minSpend = 5000, perUserLimit = 1, totalQuantity = 10 });
        var couponId = (await coupon.JsonAsync()).GetProperty("id").GetString();
        var (buyer, _, _) = await app.SignUpAsync();
        var held = (await (await buyer.PostAsync($"/api/coupons/{couponId}/claim", null)).JsonAsync()).GetProperty("id").GetString();
        var addressId = await buyer.AddressAsync();
        var first = (await buyer.OrderAsync(new { addressId, couponIds = new[] { held }, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 3 } } })).GetProperty("orders")[0];
        Assert.Equal(1000, first.GetProperty("storeDiscount").GetInt64());
        var second = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[1], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        var payment = await (await buyer.PostAsync($"/api/orders/{second}/pay", null)).JsonAsync();
        var charge = payment.GetProperty("payUrl").GetString()!.Split('/')[^1];

        clock.Advance(TimeSpan.FromMinutes(31));
        await app.Services.GetRequiredService<CommerceJobs>().RunOnceAsync(CancellationToken.None);

        Assert.Equal("closed", await buyer.StatusAsync(first.GetProperty("id").GetString()!));
        Assert.Equal("closed", await buyer.StatusAsync(second));
        var product = await buyer.GetFromJsonAsync<JsonElement>($"/api/products/{merchant.ProductId}");
        Assert.Equal(3, product.GetProperty("skus")[0].GetProperty("stock").GetInt32());
        var mine = await buyer.GetFromJsonAsync<JsonElement>("/api/coupons/mine");
        Assert.Equal("available", mine[0].GetProperty("status").GetString());
        // The closed order's charge was cancelled at the provider: paying it now is refused there.
        var sandbox = app.Services.GetRequiredService<Vermilion.Commerce.Payments.Sandbox.SandboxProvider>();
        Assert.False(await sandbox.CompleteAsync(charge, pay: true, late: false, CancellationToken.None));
        await app.AssertReconciledAsync();
    }
}
