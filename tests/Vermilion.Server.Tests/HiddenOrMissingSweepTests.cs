using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Server.Tests;

/// <summary>
/// For every note-, order-, store- and message-scoped route in the OpenAPI document: a stranger gets the same status
/// for something that exists but is hidden from them as for something that does not exist, so no answer tells them
/// that a private note, another buyer's order or an unapproved store is there.
/// </summary>
public sealed class HiddenOrMissingSweepTests
{
    private static readonly string Missing = ShortId.Encode(987_654_321_012_345);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryScopedRoute_AnswersAStrangerAlikeForHiddenAndMissing(DatabaseProvider provider)
    {
        await using var app = await VermilionApp.StartAsync(provider);
        var world = await HiddenWorld.BuildAsync(app);
        var routes = await ScopedRoutesAsync(app);
        Assert.Contains(routes, r => r.Path == "/api/notes/{id}/not-interested");
        Assert.Contains(routes, r => r.Path.StartsWith("/api/orders/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Path.StartsWith("/api/stores/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Path.StartsWith("/api/messages/", StringComparison.Ordinal));

        var leaks = new List<string>();
        foreach (var route in routes)
        {
            var hidden = await SendAsync(world.Stranger, route, world.Hidden(route.Scope), world);
            var missing = await SendAsync(world.Stranger, route, world.Absent(route.Scope), world);
            if (hidden != missing)
            {
                leaks.Add($"{route.Method} {route.Path}: hidden {(int)hidden}, missing {(int)missing}");
            }
        }

        Assert.True(leaks.Count == 0, "Routes that tell hidden from missing:\n" + string.Join("\n", leaks));
    }

    /// <summary>Every (method, path) whose path names a note, an order, a store or a message peer.</summary>
    private static async Task<List<ScopedRoute>> ScopedRoutesAsync(VermilionApp app)
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var routes = new List<ScopedRoute>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (ScopeOf(path.Name) is not { } scope)
            {
                continue;
            }

            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name != "parameters"))
            {
                routes.Add(new ScopedRoute(operation.Name.ToUpperInvariant(), path.Name, scope));
            }
        }

        return routes;
    }

    private static Scope? ScopeOf(string path) => path switch
    {
        _ when path.Contains("{noteId}", StringComparison.Ordinal) => Scope.Note,
        _ when path.StartsWith("/api/notes/{id}", StringComparison.Ordinal) => Scope.Note,
        _ when path.StartsWith("/api/orders/{id}", StringComparison.Ordinal) => Scope.Order,
        _ when path.StartsWith("/api/stores/{id}", StringComparison.Ordinal) => Scope.Store,
        _ when path.StartsWith("/api/messages/{userId}", StringComparison.Ordinal) => Scope.Message,
        _ => null,
    };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, ScopedRoute route, string id, HiddenWorld world)
    {
        var path = route.Path
            .Replace(route.Scope == Scope.Note && route.Path.Contains("{noteId}", StringComparison.Ordinal) ? "{noteId}" : "{id}", id, StringComparison.Ordinal)
            .Replace("{userId}", id, StringComparison.Ordinal)
            .Replace("{id}", world.StrangersSeries, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(JsonSerializer.Serialize(BodyFor(route)), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A body each route accepts as valid, so validation cannot answer before the lookup does.</summary>
    private static object BodyFor(ScopedRoute route) => (route.Method, route.Path) switch
    {
        ("PATCH", "/api/notes/{id}") => new { title = "改个标题" },
        ("POST", "/api/notes/{id}/comments") => new { body = "写得真好" },
        ("PUT", "/api/notes/{id}/products") => new { productIds = Array.Empty<string>() },
        ("POST", "/api/orders/{id}/ship") => new { carrier = "顺丰", trackingNumber = "SF1234567890" },
        ("POST", "/api/orders/{id}/after-sales") => new { kind = "refund_only", reason = "不想要了", amount = 100 },
        ("POST", "/api/stores/{id}/decision") => new { approve = true },
        ("POST", "/api/messages/{userId}") => new { body = "你好", clientId = Guid.NewGuid().ToString("N") },
        _ => new { },
    };

    private enum Scope
    {
        Note,
        Order,
        Store,
        Message,
    }

    private sealed record ScopedRoute(string Method, string Path, Scope Scope);

    /// <summary>
    /// Things a stranger may not see: someone's private note, another buyer's order, a store still waiting for
    /// approval, and a conversation between two other people. Message routes name the peer of the caller's own
    /// conversation (people are public), so the hidden case there is a person who talks with someone else and the
    /// missing case a person who talks with nobody: the two must look alike.
    /// </summary>
    private sealed record HiddenWorld(HttpClient Stranger, string PrivateNote, string OthersOrder, string PendingStore, string Talker, string Quiet, string StrangersSeries)
    {
        public string Hidden(Scope scope) => scope switch
        {
            Scope.Note => PrivateNote,
            Scope.Order => OthersOrder,
            Scope.Store => PendingStore,
            _ => Talker,
        };

        public string Absent(Scope scope) => scope == Scope.Message ? Quiet : Missing;

        public static async Task<HiddenWorld> BuildAsync(VermilionApp app)
        {
            var (author, _, _) = await app.SignUpAsync();
            var note = await author.PostAsJsonAsync("/api/notes", new { type = "text", title = "只给自己看", body = "秘密", privacy = "private" });
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);
            var privateNote = (await note.JsonAsync()).GetProperty("id").GetString()!;

            var (merchant, _, _) = await app.SignUpAsync();
            var store = await OpenStoreAsync(merchant);
            var (moderator, _, moderatorName) = await app.SignUpAsync();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IRoleAdministration>().GrantAsync(moderatorName, Roles.Moderator, CancellationToken.None);
            }

            Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsJsonAsync($"/api/stores/{store}/decision", new { approve = true })).StatusCode);
            var product = await merchant.PostAsJsonAsync("/api/products", new
            {
                title = "云朵软糖礼盒", category = "零食", description = "软软的", onShelf = true,
                skus = new[] { new { specs = "口味:草莓", price = 7800L, originalPrice = 0L, stock = 10 } },
            });
            Assert.Equal(HttpStatusCode.Created, product.StatusCode);
            var sku = (await product.JsonAsync()).GetProperty("skus")[0].GetProperty("id").GetString();
            var (buyer, _, _) = await app.SignUpAsync();
            var address = new { name = "林小红", phone = "13800001111", region = "浙江", city = "杭州", line = "西湖区文三路 1 号" };
            var placed = await buyer.PostAsJsonAsync("/api/orders", new { address, items = new[] { new { skuId = sku, quantity = 1 } } });
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
            var order = (await placed.JsonAsync()).GetProperty("orders")[0].GetProperty("id").GetString()!;

            var (applicant, _, _) = await app.SignUpAsync();
            var pendingStore = await OpenStoreAsync(applicant);

            var (talker, talkerId, _) = await app.SignUpAsync();
            var (friend, friendId, _) = await app.SignUpAsync();
            Assert.Equal(HttpStatusCode.Created, (await talker.PostAsJsonAsync($"/api/messages/{friendId}", new { body = "在吗", clientId = "c1" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await friend.PostAsJsonAsync($"/api/messages/{talkerId}", new { body = "在", clientId = "c2" })).StatusCode);
            var (_, quietId, _) = await app.SignUpAsync();

            var (stranger, _, _) = await app.SignUpAsync();
            var series = await stranger.PostAsJsonAsync("/api/series", new { name = "我的合集" });
            Assert.True(series.IsSuccessStatusCode, await series.Content.ReadAsStringAsync());
            var seriesId = (await series.JsonAsync()).GetProperty("id").GetString()!;
            return new HiddenWorld(stranger, privateNote, order, pendingStore, talkerId, quietId, seriesId);
        }

        private static async Task<string> OpenStoreAsync(HttpClient owner)
        {
            var apply = await owner.PostAsJsonAsync("/api/stores", new { name = "店" + ApiClient.UniqueName("s"), kind = "individual", description = "好物", commissionBasisPoints = 1000 });
            Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
            return (await apply.JsonAsync()).GetProperty("id").GetString()!;
        }
    }
}
