using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Payments;

/// <summary>Posting provider notifications to the webhook, signed as the sandbox signs them (or not).</summary>
internal static class Notices
{
    public static string Body(string id, string type, string charge, string reference, long amount, string currency = "CNY") =>
        JsonSerializer.Serialize(new { id, type, chargeId = charge, reference, amount, currency, created = DateTimeOffset.UtcNow });

    public static string Secret(this VermilionApp app) => app.Services.GetRequiredService<SandboxWebhookSecret>().Value;

    public static async Task<HttpResponseMessage> NotifyAsync(this VermilionApp app, string body, string? secret)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/payments/sandbox/notify") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            message.Headers.TryAddWithoutValidation(SandboxSignature.Header, SandboxSignature.Sign(secret, body, DateTimeOffset.UtcNow));
        }

        return await app.CreateClient().SendAsync(message);
    }

    /// <summary>An unpaid order of one SKU and its opened payment: (order id, payment id, charge id).</summary>
    public static async Task<(string Order, string Payment, string Charge)> OpenPaymentAsync(this VermilionApp app, HttpClient buyer, Merchant merchant)
    {
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        var payment = await (await buyer.PostAsync($"/api/orders/{orderId}/pay", null)).JsonAsync();
        return (orderId, payment.GetProperty("id").GetString()!, payment.GetProperty("payUrl").GetString()!.Split('/')[^1]);
    }
}
