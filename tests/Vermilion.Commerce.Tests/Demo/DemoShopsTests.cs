using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.AfterSales;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Orders;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Demo;

/// <summary>The seeded demo shops: cards that fit their notes, the <c>demo</c> account's orders, money that adds up.</summary>
public sealed class DemoShopsTests(DemoAppPerProvider apps) : IClassFixture<DemoAppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ProductCards_SitOnNotesOfTheirCategory(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var cards = await db.NoteProducts.Join(db.Products, c => c.ProductId, p => p.Id, (c, p) => new { c.NoteId, p.Title, p.Category }).ToListAsync();
        var reader = app.CreateClient();

        Assert.True(cards.Count >= 100, $"{cards.Count} cards");
        foreach (var card in cards)
        {
            var note = await (await reader.GetAsync("/api/notes/" + ShortId.Encode(card.NoteId))).JsonAsync();
            var topics = note.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(topics.Contains(card.Category), $"{card.Title} ({card.Category}) on 《{note.GetProperty("title").GetString()}》 [{string.Join(", ", topics)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoAccount_HasOrdersInEveryState_AndAReviewToWrite(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var demo = (await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindIdByUsernameAsync("demo", CancellationToken.None))!.Value;

        var orders = await db.Orders.Where(o => o.BuyerId == demo).ToListAsync();
        var reviewed = await db.Reviews.Where(r => r.BuyerId == demo).Select(r => r.OrderId).ToListAsync();
        var afterSales = await db.AfterSales.Where(a => a.BuyerId == demo).Select(a => a.Status).ToListAsync();

        Assert.Contains(orders, o => o.Status == OrderStatus.Paid);
        Assert.Contains(orders, o => o.Status == OrderStatus.Shipped);
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed && reviewed.Contains(o.Id));
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed && !reviewed.Contains(o.Id));
        Assert.Contains(orders, o => o.Refunded == o.Total && o.Status == OrderStatus.Closed);
        Assert.Contains(AfterSaleStatus.Refunded, afterSales);
        Assert.Contains(AfterSaleStatus.Requested, afterSales);
        Assert.Contains(orders, o => o.NoteId is not null);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ledger_Reconciles_AfterSeeding(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        using var scope = app.Services.CreateScope();

        var report = await scope.ServiceProvider.GetRequiredService<IReconciliation>().RunAsync(CancellationToken.None);

        Assert.True(report.Clean, string.Join("\n", report.Mismatches));
    }
}
