using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vermilion.Commerce.Payments.Sandbox;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Payments;

/// <summary>
/// A signed notification is a claim, not money: an amount or currency that is not the payment's, or a charge the
/// provider itself has not seen paid, books nothing; and the secret that signs them is never a public one.
/// </summary>
public sealed class ForgedPaymentTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignedNotice_ForAnotherAmountOrCurrency_OrForAnUnpaidCharge_PaysNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync(price: 4700);
        var (buyer, _, _) = await app.SignUpAsync();
        var (orderId, reference, charge) = await app.OpenPaymentAsync(buyer, merchant);
        var total = 4700 + 800; // below the free-shipping line

        var oneFen = await app.NotifyAsync(Notices.Body("evt_a_" + charge, "charge.succeeded", charge, reference, 1), app.Secret());
        var dollars = await app.NotifyAsync(Notices.Body("evt_b_" + charge, "charge.succeeded", charge, reference, total, "USD"), app.Secret());
        var stillOpen = await app.NotifyAsync(Notices.Body("evt_c_" + charge, "charge.succeeded", charge, reference, total), app.Secret());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, oneFen.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dollars.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stillOpen.StatusCode);
        Assert.Equal("pending_payment", await buyer.StatusAsync(orderId));
        Assert.Equal(0, (await buyer.BalancesAsync()).GetProperty("paid").GetInt64());

        // Once the provider really has the money, the same (retried) notice goes through.
        Assert.True(await app.Services.GetRequiredService<SandboxProvider>().CompleteAsync(charge, pay: true, late: true, CancellationToken.None));
        var retried = await app.NotifyAsync(Notices.Body("evt_c_" + charge, "charge.succeeded", charge, reference, total), app.Secret());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("paid", await buyer.StatusAsync(orderId));
        Assert.Equal(total, (await buyer.BalancesAsync()).GetProperty("paid").GetInt64());
        await app.AssertReconciledAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WithNoSecretConfigured_ARandomOneIsKeptInTheDataDirectory_AndTheDocumentedOneSignsNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var (orderId, reference, charge) = await app.OpenPaymentAsync(buyer, merchant);

        var secret = app.Secret();
        Assert.NotEqual(SandboxWebhookSecret.Documented, secret);
        Assert.True(secret.Length >= 32);
        Assert.Equal(secret, (await File.ReadAllTextAsync(Path.Combine(app.Database.DataDirectory, SandboxWebhookSecret.FileName))).Trim());

        var forged = await app.NotifyAsync(Notices.Body("evt_doc_" + charge, "charge.succeeded", charge, reference, 10700), SandboxWebhookSecret.Documented);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("pending_payment", await buyer.StatusAsync(orderId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OutsideDevelopment_TheDocumentedSecret_StopsTheServerFromStarting(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = new VermilionApp(database, new Dictionary<string, string?> { ["Commerce:Sandbox:WebhookSecret"] = SandboxWebhookSecret.Documented });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Commerce:Sandbox:WebhookSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheGeneratedSecret_IsKeptAcrossRestarts_AndADocumentedOneIsAllowedOnlyInDevelopment()
    {
        var directory = Directory.CreateTempSubdirectory("vermilion-secret-").FullName;
        try
        {
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "", directory);
            SandboxWebhookSecret Start(string environment, string? configured) => new(
                Options.Create(new CommerceOptions { Sandbox = new SandboxOptions { WebhookSecret = configured } }),
                new HostingEnvironment { EnvironmentName = environment }, settings, NullLogger<SandboxWebhookSecret>.Instance);

            var first = Start(Environments.Production, null).Value;
            var second = Start(Environments.Production, null).Value;

            Assert.Equal(first, second);
            Assert.Equal(SandboxWebhookSecret.Documented, Start(Environments.Development, SandboxWebhookSecret.Documented).Value);
            Assert.Throws<InvalidOperationException>(() => Start(Environments.Production, SandboxWebhookSecret.Documented));
            Assert.Equal("an-operator-chosen-secret", Start(Environments.Production, "an-operator-chosen-secret").Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
