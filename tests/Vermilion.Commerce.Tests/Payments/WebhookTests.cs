using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Payments;

public sealed class WebhookTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Notifications_ForgedReplayedDuplicatedOrOutOfOrder_BookTheMoneyExactlyOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        var payment = await (await buyer.PostAsync($"/api/orders/{orderId}/pay", null)).JsonAsync();
        var charge = payment.GetProperty("payUrl").GetString()!.Split('/')[^1];
        var reference = payment.GetProperty("id").GetString()!;
        var sandbox = app.Services.GetRequiredService<SandboxProvider>();
        var secret = app.Services.GetRequiredService<SandboxWebhookSecret>().Value;
        Assert.True(await sandbox.CompleteAsync(charge, pay: true, late: true, CancellationToken.None));

        var body = JsonSerializer.Serialize(new { id = "evt_test_" + charge, type = "charge.succeeded", chargeId = charge, reference, amount = 10700, currency = "CNY", created = DateTimeOffset.UtcNow });
        var anonymous = app.CreateClient();
        async Task<HttpResponseMessage> Post(string text, string? signature)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/payments/sandbox/notify") { Content = new StringContent(text, Encoding.UTF8, "application/json") };
            if (signature is not null)
            {
                message.Headers.TryAddWithoutValidation(SandboxSignature.Header, signature);
            }

            return await anonymous.SendAsync(message);
        }

        var unsigned = await Post(body, null);
        var forged = await Post(body, SandboxSignature.Sign("not-the-secret", body, DateTimeOffset.UtcNow));
        var tampered = await Post(body.Replace("10700", "1", StringComparison.Ordinal), SandboxSignature.Sign(secret, body, DateTimeOffset.UtcNow));
        var stale = await Post(body, SandboxSignature.Sign(secret, body, DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.All(new[] { unsigned, forged, tampered, stale }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("pending_payment", await buyer.StatusAsync(orderId));

        var first = await Post(body, SandboxSignature.Sign(secret, body, DateTimeOffset.UtcNow));
        var again = await Post(body, SandboxSignature.Sign(secret, body, DateTimeOffset.UtcNow));
        var failedLater = JsonSerializer.Serialize(new { id = "evt_fail_" + charge, type = "charge.failed", chargeId = charge, reference, amount = 10700, currency = "CNY", created = DateTimeOffset.UtcNow });
        var outOfOrder = await Post(failedLater, SandboxSignature.Sign(secret, failedLater, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, outOfOrder.StatusCode);
        Assert.Equal("paid", await buyer.StatusAsync(orderId));

        // The sandbox's own (late) notification arrives after all: nothing more happens.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
            await db.SandboxNotifications.ExecuteUpdateAsync(u => u.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await app.Services.GetRequiredService<SandboxNotifier>().DeliverDueAsync(CancellationToken.None);
        Assert.Equal(10700, (await buyer.BalancesAsync()).GetProperty("paid").GetInt64());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PayingTwice_ReusesTheOpenCharge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;

        var one = await (await buyer.PostAsync($"/api/orders/{orderId}/pay", null)).JsonAsync();
        var two = await (await buyer.PostAsync($"/api/orders/{orderId}/pay", null)).JsonAsync();

        Assert.Equal(one.GetProperty("id").GetString(), two.GetProperty("id").GetString());
        Assert.Equal(one.GetProperty("payUrl").GetString(), two.GetProperty("payUrl").GetString());
        await app.AssertReconciledAsync();
    }
}
