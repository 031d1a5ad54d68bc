using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Commerce.Tests;

public sealed class ReviewTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reviews_NeedADelivery_NegativeOnesAwaitAReply_AndTheStoreShowsItsReplyRate(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var (buyer, _, _) = await app.SignUpAsync();
        var addressId = await buyer.AddressAsync();
        var orderId = (await buyer.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(buyer, orderId);

        var early = await buyer.PostAsJsonAsync($"/api/products/{merchant.ProductId}/reviews", new { orderId, rating = 5, text = "还没到" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await merchant.Client.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "中通", trackingNumber = "ZT0000000001" });
        await buyer.PostAsync($"/api/orders/{orderId}/confirm", null);

        var photo = new ByteArrayContent(TestImages.Png(64, 64));
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var upload = await buyer.PostAsync("/api/images", photo);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var imageId = (await upload.JsonAsync()).GetProperty("id").GetString();
        var badRating = await buyer.PostAsJsonAsync($"/api/products/{merchant.ProductId}/reviews", new { orderId, rating = 9, text = "?" });
        var review = await buyer.PostAsJsonAsync($"/api/products/{merchant.ProductId}/reviews", new { orderId, rating = 2, text = "有点化了", imageIds = new[] { imageId } });
        var again = await buyer.PostAsJsonAsync($"/api/products/{merchant.ProductId}/reviews", new { orderId, rating = 5, text = "改主意了" });
        Assert.Contains("rating", await badRating.FieldsAsync());
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var written = await review.JsonAsync();
        Assert.True(written.GetProperty("awaitingReply").GetBoolean());
        Assert.True(written.GetProperty("verifiedPurchase").GetBoolean());
        Assert.Single(written.GetProperty("imageUrls").EnumerateArray());
        var reviewId = written.GetProperty("id").GetString();

        var (stranger, _, _) = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/reviews/{reviewId}/reply", new { text = "谢谢" })).StatusCode);
        Assert.Single(await merchant.Client.GetFromJsonAsync<JsonElement[]>("/api/stores/mine/reviews?awaitingReply=true") ?? []);
        var reply = await merchant.Client.PostAsJsonAsync($"/api/reviews/{reviewId}/reply", new { text = "抱歉，已为你补发" });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.False((await reply.JsonAsync()).GetProperty("awaitingReply").GetBoolean());
        await stranger.PostAsync($"/api/reviews/{reviewId}/helpful", null);
        var helpful = await stranger.PostAsync($"/api/reviews/{reviewId}/helpful", null);
        Assert.Equal(1, (await helpful.JsonAsync()).GetInt32());

        var store = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/stores/{merchant.StoreId}");
        Assert.Equal(2.0, store.GetProperty("rating").GetDouble());
        Assert.Equal(1.0, store.GetProperty("replyRate").GetDouble());
        Assert.True(store.GetProperty("medianReplyHours").GetDouble() >= 0);
        Assert.Empty(await merchant.Client.GetFromJsonAsync<JsonElement[]>("/api/stores/mine/reviews?awaitingReply=true") ?? []);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AStoreOwner_BuyingFromTheirOwnStore_CannotReviewIt(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var merchant = await app.MerchantAsync();
        var owner = merchant.Client;
        var addressId = await owner.AddressAsync();
        var orderId = (await owner.OrderAsync(new { addressId, items = new[] { new { skuId = merchant.SkuIds[0], quantity = 1 } } })).GetProperty("orders")[0].GetProperty("id").GetString()!;
        await app.PayAsync(owner, orderId);
        await owner.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { carrier = "中通", trackingNumber = "ZT0000000002" });
        await owner.PostAsync($"/api/orders/{orderId}/confirm", null);

        var review = await owner.PostAsJsonAsync($"/api/products/{merchant.ProductId}/reviews", new { orderId, rating = 5, text = "自家的东西当然好" });

        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        var product = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/products/{merchant.ProductId}");
        Assert.Equal(0, product.GetProperty("ratingCount").GetInt32());
        await app.AssertReconciledAsync();
    }
}
