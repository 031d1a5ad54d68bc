using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests.Catalog;

/// <summary>The catalogue as other modules read it (<see cref="IProductCatalog"/>, <see cref="INoteProducts"/>) and the events they follow it by.</summary>
public sealed class ProductCatalogTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AProduct_IsListedOnlyOnTheShelfOfAnApprovedStore_WithItsSpecsAsWords(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var productId = Id(merchant.ProductId);

        var listed = await ReadAsync(app, productId);
        Assert.True(listed.Listed);
        Assert.Equal("云朵软糖礼盒", listed.Title);
        Assert.Equal("产地 杭州 保质期 180天 口味 草莓 规格 小盒 葡萄 大盒", listed.Specs);
        Assert.Equal(9900, listed.Price);
        Assert.StartsWith("店", listed.StoreName, StringComparison.Ordinal);
        Assert.Single(await SummariesAsync(app, productId));

        Assert.Equal(HttpStatusCode.OK, (await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/shelf", new { onShelf = false })).StatusCode);

        Assert.False((await ReadAsync(app, productId)).Listed);
        Assert.Empty(await SummariesAsync(app, productId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Saving_Shelving_Carrying_AndSelling_EachTellOtherModules(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var productId = Id(merchant.ProductId);
        var (author, _, _) = await app.SignUpAsync();
        var note = await author.PostAsJsonAsync("/api/notes", new { type = "text", title = "软糖开箱", body = "好吃" });
        var noteId = (await note.JsonAsync()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await author.PutAsJsonAsync($"/api/notes/{noteId}/products", new { productIds = new[] { merchant.ProductId } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Client.PostAsJsonAsync($"/api/products/{merchant.ProductId}/shelf", new { onShelf = true })).StatusCode);
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 2 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);

        var changed = await EventsAsync<ProductChanged>(app, e => e.ProductId == productId);
        Assert.Equal(2, changed.Count); // created, shelved
        var carried = Assert.Single(await EventsAsync<NoteProductsChanged>(app, e => e.NoteId == Id(noteId)));
        Assert.Equal([productId], carried.ProductIds);
        var sold = Assert.Single(await EventsAsync<ProductsSold>(app, e => e.OrderId == Id(orderId)));
        Assert.Equal([productId], sold.ProductIds);
        await using var scope = app.Services.CreateAsyncScope();
        var cards = scope.ServiceProvider.GetRequiredService<INoteProducts>();
        Assert.Equal([productId], (await cards.OnNotesAsync([Id(noteId)], CancellationToken.None))[Id(noteId)]);
        Assert.Equal([Id(noteId)], await cards.NotesCarryingAsync(productId, 10, CancellationToken.None));
        Assert.Equal(2, (await ReadAsync(app, productId)).SoldCount);
    }

    private static async Task<ProductRecord> ReadAsync(VermilionApp app, long productId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return Assert.Single(await scope.ServiceProvider.GetRequiredService<IProductCatalog>().ProductsAsync([productId], CancellationToken.None));
    }

    private static async Task<IReadOnlyList<ProductSummary>> SummariesAsync(VermilionApp app, long productId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IProductCatalog>().SummariesAsync([productId], CancellationToken.None);
    }

    private static async Task<List<T>> EventsAsync<T>(VermilionApp app, Func<T, bool> about)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommerceDb>();
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == EventTypes.NameOf(typeof(T))).Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonSerializer.Deserialize<T>(p, OutboxWriter.Json)!).Where(about)];
    }

    private static long Id(string shortId) => ShortId.TryDecode(shortId, out var id) ? id : throw new ArgumentException(shortId);
}
