using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Contracts;
using Vermilion.Testing;

namespace Vermilion.Browser.Tests;

/// <summary>
/// From the note that convinced someone to the purchase and after: a reader buys from a note's product card with
/// the first-order coupon and pays on the sandbox page; the merchant ships; the reader confirms and reviews with a
/// photo; the merchant replies; the creator's commission appears; a second purchase is refunded through after-sales.
/// </summary>
public sealed partial class CommerceJourneyTests
{
    [Fact]
    public async Task Reader_BuysFromANote_Pays_Reviews_GetsARefund_AndEveryBalanceIsRight()
    {
        await using var session = await BrowserSession.StartAsync();
        var app = session.App;

        // A merchant with an approved store, a product of two SKUs and a shipping template (¥8, free from ¥199).
        var (merchantApi, _, merchantName) = await app.SignUpAsync();
        var store = await (await merchantApi.PostAsJsonAsync("/api/stores", new { name = "云朵糖果铺", kind = "flagship", licence = "91330106MA2GL1234X", commissionBasisPoints = 1000 })).JsonAsync();
        var (adminApi, _, adminName) = await app.SignUpAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<IRoleAdministration>();
            await roles.GrantAsync(adminName, Roles.Admin, CancellationToken.None);
            await roles.GrantAsync(adminName, Roles.Moderator, CancellationToken.None);
        }

        Assert.True((await adminApi.PostAsJsonAsync($"/api/stores/{store.GetProperty("id").GetString()}/decision", new { approve = true })).IsSuccessStatusCode);
        var template = await (await merchantApi.PostAsJsonAsync("/api/shipping-templates", new { name = "满199包邮", flatFee = 800, freeAbove = 19900 })).JsonAsync();
        var product = await (await merchantApi.PostAsJsonAsync("/api/products", new
        {
            title = "云朵软糖礼盒",
            description = "软软的，不粘牙",
            shippingTemplateId = template.GetProperty("id").GetString(),
            noReasonReturn = true,
            onShelf = true,
            skus = new[] { new { specs = "口味:草莓", price = 9900L, originalPrice = 12900L, stock = 20 }, new { specs = "口味:葡萄", price = 19800L, originalPrice = 0L, stock = 20 } },
        })).JsonAsync();
        var productId = product.GetProperty("id").GetString()!;
        Assert.True((await adminApi.PostAsJsonAsync("/api/coupons", new { title = "新人首单立减", kind = "amount_off", value = 500, minSpend = 5000, perUserLimit = 1, totalQuantity = 100, firstOrderOnly = true, platform = true })).IsSuccessStatusCode);

        // A creator's note carries the product card.
        var (creatorApi, _, creatorName) = await app.SignUpAsync();
        var noteId = (await (await creatorApi.PostAsJsonAsync("/api/notes", new { type = "text", title = "这盒软糖真的好吃", body = "草莓味最好" })).JsonAsync()).GetProperty("id").GetString()!;
        Assert.True((await creatorApi.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { productId } })).IsSuccessStatusCode);

        // The reader opens the note, follows the card, picks the strawberry SKU, claims the first-order coupon.
        var (_, _, readerName) = await app.SignUpAsync();
        var reader = await session.SignedInPageAsync(readerName);
        await reader.GotoAsync($"/explore/{noteId}");
        await reader.ClickAsync("[data-testid=product-card]");
        await Assertions.Expect(reader.Locator("[data-testid=product-title]")).ToHaveTextAsync("云朵软糖礼盒");
        await reader.ClickAsync("label.vc-sku:has-text('草莓')");
        await reader.ClickAsync("[data-testid=claim-coupon]");

        await Assertions.Expect(reader.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        await reader.ClickAsync("label.vc-sku:has-text('草莓')");
        await reader.ClickAsync("[data-testid=buy-now]");

        // Checkout: a field error first, then a good address, the coupon, and the server's total.
        await reader.FillAsync("[data-testid=address-name]", "林小红");
        await reader.FillAsync("[data-testid=address-phone]", "12");
        await reader.ClickAsync("[data-testid=save-address]");
        await Assertions.Expect(reader.Locator("#na-phone + .field-error")).ToBeVisibleAsync();
        await reader.FillAsync("[data-testid=address-phone]", "13800001111");
        await reader.FillAsync("[data-testid=address-region]", "浙江");
        await reader.FillAsync("[data-testid=address-city]", "杭州");
        await reader.FillAsync("[data-testid=address-line]", "西湖区文三路 1 号");
        await reader.ClickAsync("[data-testid=save-address]");
        await reader.CheckAsync("[data-testid=use-coupon]");
        await Assertions.Expect(reader.Locator("[data-testid=checkout-total]")).ToContainTextAsync("102"); // 99 + 8 shipping − 5
        await reader.ClickAsync("[data-testid=place-order]");
        await Assertions.Expect(reader.Locator("[data-testid=sandbox-page]")).ToBeVisibleAsync();
        await reader.ClickAsync("[data-testid=sandbox-pay]");
        await Assertions.Expect(reader.Locator("h1[data-testid=order-status]")).ToHaveTextAsync("待发货");
        var orderId = await reader.Locator("[data-testid=order-page]").GetAttributeAsync("data-order");

        // The merchant ships from the console.
        var merchant = await session.SignedInPageAsync(merchantName);
        await merchant.GotoAsync("/merchant/orders");
        var row = merchant.Locator($"[data-order='{orderId}']");
        await row.Locator("[data-testid=ship-carrier]").FillAsync("顺丰");
        await row.Locator("[data-testid=ship-tracking]").FillAsync("SF1234567890");
        await row.Locator("[data-testid=ship]").ClickAsync();
        await Assertions.Expect(merchant.Locator($"[data-order='{orderId}'] [data-testid=merchant-order-status]")).ToHaveTextAsync("待收货");

        // The reader confirms receipt and reviews with a photo (two stars: it had melted a little).
        await reader.ReloadAsync();
        await reader.ClickAsync("[data-testid=confirm-receipt]");
        await Assertions.Expect(reader.Locator("h1[data-testid=order-status]")).ToHaveTextAsync("已完成");
        await reader.CheckAsync("[data-testid=rating-2]");
        await reader.FillAsync("[data-testid=review-text]", "有点化了，但是好吃");
        await reader.SetInputFilesAsync("[data-testid=review-photo]", new FilePayload { Name = "candy.png", MimeType = "image/png", Buffer = TestImages.Png(200, 200, 250, 180, 200) });
        await reader.ClickAsync("[data-testid=submit-review]");
        await Assertions.Expect(reader.Locator("[data-testid=review-form]")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("[data-testid=my-review]")).ToContainTextAsync("有点化了，但是好吃"); // the review shows on its order

        // The merchant replies; the store page shows the reply rate.
        await merchant.GotoAsync("/merchant/reviews?awaiting=true");
        await merchant.FillAsync("[data-testid=reply-text]", "抱歉！夏天我们会加冰袋");
        await merchant.ClickAsync("[data-testid=reply-submit]");
        await reader.GotoAsync($"/goods/{productId}");
        await Assertions.Expect(reader.Locator("[data-testid=merchant-reply]")).ToContainTextAsync("加冰袋");
        await Assertions.Expect(reader.Locator("[data-testid=review] img")).ToHaveCountAsync(2); // the avatar and the photo
        await reader.GotoAsync($"/stores/{store.GetProperty("id").GetString()}");
        await Assertions.Expect(reader.Locator("[data-testid=store-reply-rate]")).ToHaveTextAsync("100%");

        // The creator's commission: 10% of the goods.
        var creator = await session.SignedInPageAsync(creatorName);
        await creator.GotoAsync("/wallet");
        await Assertions.Expect(creator.Locator("[data-testid=wallet-commission]")).ToHaveTextAsync("¥9.90");

        // A second purchase (grape, ¥198 + ¥8) is refunded through after-sales.
        await reader.GotoAsync($"/goods/{productId}");
        await reader.ClickAsync("label.vc-sku:has-text('葡萄')");
        await reader.ClickAsync("[data-testid=buy-now]");
        await Assertions.Expect(reader.Locator("[data-testid=checkout-total]")).ToContainTextAsync("206");
        await reader.ClickAsync("[data-testid=place-order]");
        await reader.ClickAsync("[data-testid=sandbox-pay]");
        await Assertions.Expect(reader.Locator("h1[data-testid=order-status]")).ToHaveTextAsync("待发货");
        await reader.FillAsync("[data-testid=after-sale-reason]", "不想要了");
        await reader.ClickAsync("[data-testid=request-after-sale]");
        await Assertions.Expect(reader.Locator("[data-testid=after-sale-status]")).ToHaveTextAsync("待商家处理");
        await merchant.GotoAsync("/merchant/after-sales");
        await merchant.ClickAsync("[data-testid=approve-after-sale]");
        await reader.ReloadAsync();
        await Assertions.Expect(reader.Locator("h1[data-testid=order-status]")).ToHaveTextAsync("已关闭");
        await Assertions.Expect(reader.Locator("[data-testid=order-refunded]")).ToHaveTextAsync("¥206");

        // Every balance: the reader paid 102 + 206 and got 206 back; the store earned 107 − 9.90 − 5.35; the books balance.
        await reader.GotoAsync("/wallet");
        await Assertions.Expect(reader.Locator("[data-testid=wallet-paid]")).ToHaveTextAsync("¥308");
        await Assertions.Expect(reader.Locator("[data-testid=wallet-refunded]")).ToHaveTextAsync("¥206");
        await merchant.GotoAsync("/wallet");
        await Assertions.Expect(merchant.Locator("[data-testid=wallet-seller]")).ToHaveTextAsync("¥91.75");
        await using var check = app.Services.CreateAsyncScope();
        var report = await check.ServiceProvider.GetRequiredService<IReconciliation>().RunAsync(CancellationToken.None);
        Assert.True(report.Clean, string.Join("\n", report.Mismatches));
        Assert.Equal(0, report.Figures["ledger.sum"]);
    }
}
