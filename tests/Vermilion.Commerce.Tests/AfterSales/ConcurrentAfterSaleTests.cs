using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.AfterSales;

/// <summary>Twin after-sales requests: the database lets one open, and each shows what it really paid back.</summary>
public sealed class ConcurrentAfterSaleTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FiveRefundRequestsAtOnce_OpenOne_AndItShowsWhatWasRefunded(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(price: 14200); // 142.00 + 8.00 shipping = 150.00
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
            (await buyer.PostAsJsonAsync($"/api/orders/{orderId}/after-sales", new { kind = "refund_only", reason = "不想要了 " + i, amount = 10000 })).StatusCode));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var requests = await buyer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/orders/{orderId}/after-sales");
        var open = Assert.Single(requests.EnumerateArray());
        var approve = await merchant.Client.PostAsJsonAsync($"/api/after-sales/{open.GetProperty("id").GetString()}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(10000, (await approve.JsonAsync()).GetProperty("refunded").GetInt64());

        // Only 50.00 is left to refund: asking for 100.00 again is refused, field by field, and changes nothing.
        var again = await buyer.PostAsJsonAsync($"/api/orders/{orderId}/after-sales", new { kind = "refund_only", reason = "再退一次", amount = 10000 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("amount", await again.FieldsAsync());

        Assert.True(ShortId.TryDecode(open.GetProperty("id").GetString()!, out var afterSaleId));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        Assert.Equal(10000, await db.Refunds.Where(r => r.AfterSaleId == afterSaleId).SumAsync(r => r.Amount));
        Assert.True(ShortId.TryDecode(orderId, out var order));
        Assert.Equal(10000, await db.Refunds.Where(r => r.OrderId == order).SumAsync(r => r.Amount));
        await app.AssertReconciledAsync();
    }
}
