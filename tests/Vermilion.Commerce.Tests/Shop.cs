using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Commerce.Reconciliation;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests;

/// <summary>A merchant with an approved store and a product of two SKUs, set up through the API.</summary>
internal sealed record Merchant(HttpClient Client, string UserId, string Username, string StoreId, string ProductId, string[] SkuIds);

/// <summary>Acting as merchants, buyers and the payment company through the HTTP API.</summary>
internal static class Shop
{
    public static readonly object Address = new { name = "林小红", phone = "13800001111", region = "浙江", city = "杭州", line = "西湖区文三路 1 号" };

    public static async Task<(HttpClient Client, string Id, string Username)> ModeratorAsync(this VermilionApp app)
    {
        var person = await app.SignUpAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(person.Username, Roles.Admin, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(person.Username, Roles.Moderator, CancellationToken.None);
        return person;
    }

    /// <summary>Opens and approves a store offering <paramref name="commission"/> basis points, with one product.</summary>
    public static async Task<Merchant> MerchantAsync(this VermilionApp app, int commission = 1000, int stock = 50, long price = 9900, object? shipping = null)
    {
        var (client, id, username) = await app.SignUpAsync();
        var apply = await client.PostAsJsonAsync("/api/stores", new { name = "店" + ApiClient.UniqueName("s"), kind = "flagship", licence = "91330106MA2GL1234X", description = "好物", commissionBasisPoints = commission });
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var storeId = (await apply.JsonAsync()).GetProperty("id").GetString()!;
        var (moderator, _, _) = await app.ModeratorAsync();
        var decided = await moderator.PostAsJsonAsync($"/api/stores/{storeId}/decision", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var template = await client.PostAsJsonAsync("/api/shipping-templates", shipping ?? new { name = "包邮", flatFee = 800, freeAbove = 19900, excludedRegions = new[] { "西藏" } });
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var templateId = (await template.JsonAsync()).GetProperty("id").GetString();
        var product = await client.PostAsJsonAsync("/api/products", new
        {
            title = "云朵软糖礼盒",
            category = "零食",
            description = "软软的",
            attributes = "产地:杭州\n保质期:180天",
            shippingTemplateId = templateId,
            noReasonReturn = true,
            onShelf = true,
            skus = new[]
            {
                new { specs = "口味:草莓;规格:小盒", price, originalPrice = price + 2000, stock },
                new { specs = "口味:葡萄;规格:大盒", price = price * 2, originalPrice = 0L, stock },
            },
        });
        Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        var json = await product.JsonAsync();
        var skus = json.GetProperty("skus").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
        return new Merchant(client, id, username, storeId, json.GetProperty("id").GetString()!, skus);
    }

    public static async Task<string> AddressAsync(this HttpClient buyer)
    {
        var response = await buyer.PostAsJsonAsync("/api/addresses", Address);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>Places a checkout and returns its JSON (asserting 201).</summary>
    public static async Task<JsonElement> OrderAsync(this HttpClient buyer, object request, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(request) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        var response = await buyer.SendAsync(message);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    /// <summary>Pays an order the way a buyer does: the pay call, then "pay" on the sandbox page, then the notification.</summary>
    public static async Task PayAsync(this VermilionApp app, HttpClient buyer, string orderId, bool late = false)
    {
        var pay = await buyer.PostAsync($"/api/orders/{orderId}/pay", null);
        var payment = await pay.JsonAsync();
        Assert.True(pay.IsSuccessStatusCode, payment.ToString());
        var charge = payment.GetProperty("payUrl").GetString()!.Split('/')[^1];
        var sandbox = app.Services.GetRequiredService<SandboxProvider>();
        Assert.True(await sandbox.CompleteAsync(charge, pay: true, late, CancellationToken.None));
        if (!late)
        {
            Assert.True(await app.Services.GetRequiredService<SandboxNotifier>().DeliverAsync(SandboxProvider.OutcomeEventId(charge), CancellationToken.None));
        }
    }

    public static async Task<string> StatusAsync(this HttpClient client, string orderId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString()!;

    public static async Task AssertReconciledAsync(this VermilionApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<Contracts.IReconciliation>().RunAsync(CancellationToken.None);
        Assert.True(report.Clean, string.Join("\n", report.Mismatches));
        Assert.Equal(0, report.Figures["ledger.sum"]);
    }

    public static async Task<JsonElement> BalancesAsync(this HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/balances/mine");

    public static async Task<string[]> FieldsAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];
}
