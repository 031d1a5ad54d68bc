using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Payments;

/// <summary>Buyers and senders racing each other: one charge per checkout, one delivery per notification and attempt.</summary>
public sealed class PaymentConcurrencyTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EightPayRequestsAtOnce_OpenOnePaymentAndOneCharge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var response = await buyer.PostAsync($"/api/orders/{orderId}/pay", null);
            return (response.StatusCode, Body: await response.JsonAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct());
        Assert.Single(answers.Select(a => a.Body.GetProperty("payUrl").GetString()).Distinct());
        var reference = answers[0].Body.GetProperty("id").GetString()!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        Assert.True(ShortId.TryDecode(orderId, out var id));
        var checkout = await db.Orders.Where(o => o.Id == id).Select(o => o.CheckoutId).FirstAsync();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.CheckoutId == checkout));
        Assert.Equal(1, await db.SandboxCharges.CountAsync(c => c.Reference == reference));

        await app.PayAsync(buyer, orderId);
        Assert.Equal("paid", await buyer.StatusAsync(orderId));
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SendersRacingEachOther_DeliverEachNotificationOnce(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(stock: 100);
        var sandbox = app.Services.GetRequiredService<SandboxProvider>();
        var orders = new List<(HttpClient Buyer, string Order, string Charge)>();
        for (var i = 0; i < 10; i++)
        {
            var (buyer, _, _) = await app.SignUpAsync();
            var (order, _, charge) = await app.OpenPaymentAsync(buyer, merchant);
            Assert.True(await sandbox.CompleteAsync(charge, pay: true, late: true, CancellationToken.None));
            orders.Add((buyer, order, charge));
        }

        var events = orders.Select(o => SandboxProvider.OutcomeEventId(o.Charge)).ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications.Where(n => events.Contains(n.EventId))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var notifier = app.Services.GetRequiredService<SandboxNotifier>();
        var delivered = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => notifier.DeliverDueAsync(CancellationToken.None))));
        foreach (var eventId in events)
        {
            Assert.True(await notifier.DeliverAsync(eventId, CancellationToken.None)); // already delivered, or delivered now if the loop held it
        }

        // Six senders (and the background loop) shared the ten notifications: none was delivered twice.
        Assert.InRange(delivered.Sum(), 0, events.Count);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notifications = await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications.AsNoTracking()
                .Where(n => events.Contains(n.EventId)).ToListAsync();
            Assert.All(notifications, n => Assert.Equal(1, n.Attempts));
            Assert.All(notifications, n => Assert.NotNull(n.DeliveredAt));
        }

        foreach (var (buyer, order, _) in orders)
        {
            Assert.Equal("paid", await buyer.StatusAsync(order));
        }

        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThePaymentPage_DeliversOnlyItsOwnCharge(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var sandbox = app.Services.GetRequiredService<SandboxProvider>();
        var (early, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var (earlyOrder, _, earlyCharge) = await app.OpenPaymentAsync(early, merchant);
        var (otherOrder, _, otherCharge) = await app.OpenPaymentAsync(other, merchant);
        Assert.True(await sandbox.CompleteAsync(earlyCharge, pay: true, late: true, CancellationToken.None));
        Assert.True(await sandbox.CompleteAsync(otherCharge, pay: true, late: true, CancellationToken.None));

        var notifier = app.Services.GetRequiredService<SandboxNotifier>();
        Assert.False(await notifier.DeliverAsync(SandboxProvider.OutcomeEventId(earlyCharge), CancellationToken.None)); // not due yet: it is late on purpose
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications
                .Where(n => n.EventId == SandboxProvider.OutcomeEventId(earlyCharge) || n.EventId == SandboxProvider.OutcomeEventId(otherCharge))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddHours(1)));
            await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications
                .Where(n => n.EventId == SandboxProvider.OutcomeEventId(earlyCharge))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        Assert.True(await notifier.DeliverAsync(SandboxProvider.OutcomeEventId(earlyCharge), CancellationToken.None));

        Assert.Equal("paid", await early.StatusAsync(earlyOrder));
        Assert.Equal("pending_payment", await other.StatusAsync(otherOrder));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommerceDb>().SandboxNotifications.Where(n => n.EventId == SandboxProvider.OutcomeEventId(otherCharge))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        Assert.True(await notifier.DeliverAsync(SandboxProvider.OutcomeEventId(otherCharge), CancellationToken.None));
        Assert.Equal("paid", await other.StatusAsync(otherOrder));
        await app.AssertReconciledAsync();
    }
}
