using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Orders;

public sealed class IdempotencyTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HundredConcurrentRequests_WithOneKey_MakeOneOrderAndOneCharge_AndAllGetTheSameAnswer(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(stock: 500);
        var (buyer, buyerId, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var request = new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 2 } } };
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode Status, string Body)> Send(string path, object? body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
            message.Headers.Add("Idempotency-Key", key);
            var response = await buyer.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var orders = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Send("/api/orders", request)));
        Assert.All(orders, o => Assert.Equal(HttpStatusCode.Created, o.Status));
        Assert.Single(orders.Select(o => o.Body).Distinct());
        var orderId = System.Text.Json.JsonDocument.Parse(orders[0].Body).RootElement.GetProperty("orders")[0].GetProperty("id").GetString()!;

        key = Guid.NewGuid().ToString();
        var payments = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Send($"/api/orders/{orderId}/pay", null)));
        Assert.All(payments, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(payments.Select(p => p.Body).Distinct());

        var cancel = await buyer.PostAsync($"/api/orders/{orderId}/cancel", null);
        key = Guid.NewGuid().ToString();
        await Send("/api/orders", request);
        var otherBody = await Send("/api/orders", new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 3 } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.Status);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var buyerKey = Kernel.Ids.ShortId.TryDecode(buyerId, out var b) ? b : 0;
        Assert.Equal(2, await db.Orders.CountAsync(o => o.BuyerId == buyerKey));
        Assert.Equal(1, await db.Payments.CountAsync(p => p.BuyerId == buyerKey));
        Assert.Equal(1, await db.SandboxCharges.CountAsync());
        var skuId = Kernel.Ids.ShortId.TryDecode(merchant.SkuIds[0], out var sku) ? sku : 0;
        Assert.Equal(498, (await db.Skus.AsNoTracking().FirstAsync(s => s.Id == skuId)).Stock);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AKeyStillInFlight_IsAConflict(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider, new Dictionary<string, string?> { ["Commerce:IdempotencyWaitSeconds"] = "1" });
        var merchant = await app.MerchantAsync();
        var (buyer, buyerId, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
            var now = DateTimeOffset.UtcNow;
            db.IdempotencyRecords.Add(new Idempotency.IdempotencyRecord
            {
                UserId = Kernel.Ids.ShortId.TryDecode(buyerId, out var id) ? id : 0, Key = "busy", Scope = "orders.place", RequestHash = "x",
                LockedUntil = now.AddMinutes(1), CreatedAt = now, ExpiresAt = now.AddDays(1),
            });
            await db.SaveChangesAsync();
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } }) };
        message.Headers.Add("Idempotency-Key", "busy");
        var response = await buyer.SendAsync(message);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
