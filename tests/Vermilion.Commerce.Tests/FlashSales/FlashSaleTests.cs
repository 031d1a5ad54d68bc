using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.FlashSales;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.FlashSales;

/// <summary>
/// A flash sale under a real stampede: every purchase in its own scope and connection, all released at once,
/// some buyers trying several times.
/// </summary>
public sealed class FlashSaleTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HundredUnits_TwoThousandBuyers_SellsExactlyHundred_WithinThePerPersonLimit(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(stock: 300);
        var created = await merchant.Client.PostAsJsonAsync("/api/flash-sales", new { skuId = merchant.SkuIds[0], price = 990, quantity = 100, perUserLimit = 2, endsAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saleId = ShortId.TryDecode((await created.JsonAsync()).GetProperty("id").GetString(), out var id) ? id : 0;

        // 2,000 buyers; one in four tries three times (the limit is two).
        var attempts = Enumerable.Range(1, 2000).SelectMany(i => Enumerable.Repeat(8_000_000L + i, i % 4 == 0 ? 3 : 1)).OrderBy(_ => Random.Shared.Next()).ToList();
        var address = new AddressRequest("抢购人", "13800000000", "浙江", "杭州", "文一路 1 号");
        using var start = new SemaphoreSlim(0);
        var outcomes = attempts.Select(async buyer =>
        {
            await start.WaitAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<BuyFlashSaleHandler>().HandleAsync(buyer, saleId, new FlashBuyRequest(null, address), CancellationToken.None);
            return (Buyer: buyer, outcome.Succeeded, Kind: outcome.Failure?.Kind);
        }).ToList();
        start.Release(attempts.Count);
        var results = await Task.WhenAll(outcomes);

        Assert.Equal(100, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Kernel.Errors.FailureKind.Conflict, r.Kind));
        Assert.All(results.Where(r => r.Succeeded).GroupBy(r => r.Buyer), g => Assert.True(g.Count() <= 2));
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CommerceDb>();
        var sale = await db.FlashSales.AsNoTracking().SingleAsync(f => f.Id == saleId);
        Assert.Equal(0, sale.Remaining);
        Assert.Equal(100, await db.Orders.CountAsync(o => o.FlashSaleId == saleId));
        Assert.Equal(100, await db.FlashPurchases.CountAsync(p => p.FlashSaleId == saleId));
        Assert.Equal(990 * 100, await db.Orders.Where(o => o.FlashSaleId == saleId).SumAsync(o => o.Subtotal));
        await app.AssertReconciledAsync();

        // An unpaid flash order that closes gives its unit back to the sale, and someone else can buy it.
        var anOrder = await db.Orders.AsNoTracking().FirstAsync(o => o.FlashSaleId == saleId);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<EndUnpaidOrderHandler>().CloseUnpaidAsync(anOrder.Id, CancellationToken.None));
        }

        await Task.Delay(600); // the gate looks at the database again at most twice a second
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<BuyFlashSaleHandler>().HandleAsync(9_999_999, saleId, new FlashBuyRequest(null, address), CancellationToken.None);
            Assert.True(again.Succeeded, again.Failure?.Message);
        }

        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AClosedOrder_GivesItsPlaceBack_EvenWhenALaterPlaceIsStillHeld(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(stock: 50);
        var created = await merchant.Client.PostAsJsonAsync("/api/flash-sales", new { skuId = merchant.SkuIds[0], price = 500, quantity = 10, perUserLimit = 2, endsAt = DateTimeOffset.UtcNow.AddHours(1) });
        var saleId = ShortId.TryDecode((await created.JsonAsync()).GetProperty("id").GetString(), out var id) ? id : 0;
        var address = new AddressRequest("抢购人", "13800000000", "浙江", "杭州", "文一路 1 号");
        const long buyer = 7_700_001;

        async Task<Kernel.Errors.Outcome<string>> BuyAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<BuyFlashSaleHandler>().HandleAsync(buyer, saleId, new FlashBuyRequest(null, address), CancellationToken.None);
        }

        var first = await BuyAsync();
        var second = await BuyAsync();
        var third = await BuyAsync();
        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(Kernel.Errors.FailureKind.Conflict, third.Failure?.Kind);

        // The first order (place 1) closes unpaid while place 2 is still held: the buyer may buy once more, not twice.
        ShortId.TryDecode(first.Value, out var firstOrder);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<EndUnpaidOrderHandler>().CloseUnpaidAsync(firstOrder, CancellationToken.None));
        }

        var again = await BuyAsync();
        var over = await BuyAsync();
        Assert.True(again.Succeeded, again.Failure?.Message);
        Assert.Equal(Kernel.Errors.FailureKind.Conflict, over.Failure?.Kind);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<CommerceDb>();
        Assert.Equal([1, 2], await db.FlashPurchases.Where(p => p.FlashSaleId == saleId).OrderBy(p => p.Seq).Select(p => p.Seq).ToListAsync());
        Assert.Equal(8, (await db.FlashSales.AsNoTracking().SingleAsync(f => f.Id == saleId)).Remaining);
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FlashSaleOfAnotherStoresSku_IsForbidden(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var mine = await app.MerchantAsync();
        var theirs = await app.MerchantAsync();

        var response = await mine.Client.PostAsJsonAsync("/api/flash-sales", new { skuId = theirs.SkuIds[0], price = 100, quantity = 5, perUserLimit = 1 });
        var overStock = await mine.Client.PostAsJsonAsync("/api/flash-sales", new { skuId = mine.SkuIds[0], price = 100, quantity = 5000, perUserLimit = 1 });
        var badPrice = await mine.Client.PostAsJsonAsync("/api/flash-sales", new { skuId = mine.SkuIds[0], price = 999999, quantity = 5, perUserLimit = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("quantity", await overStock.FieldsAsync());
        Assert.Contains("price", await badPrice.FieldsAsync());
        await app.AssertReconciledAsync();
    }
}
