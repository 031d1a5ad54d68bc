using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vermilion.Bench;

/// <summary>Sets up the benchmark's store through the public API, as the demo administrator approves it.</summary>
internal static class Shop
{
    public static readonly object Address = new { name = "压测", phone = "13800000000", region = "浙江", city = "杭州", line = "文一路 1 号" };

    public sealed record Setup(string SkuId, string FlashSaleId, string WarmUpSaleId);

    public static async Task<Setup> SetUpAsync(HttpClient http, int units)
    {
        var merchant = (await SignUpManyAsync(http, 1, 1))[0];
        var admin = await TokenAsync(http, "admin", "vermilion-demo-2026");
        var store = await SendAsync(http, merchant, HttpMethod.Post, "/api/stores", new { name = "压测旗舰店" + Environment.TickCount64 % 100000, kind = "flagship", licence = "91330106MA2GL1234X" });
        await SendAsync(http, admin, HttpMethod.Post, $"/api/stores/{store.GetProperty("id").GetString()}/decision", new { approve = true });
        var product = await SendAsync(http, merchant, HttpMethod.Post, "/api/products", new
        {
            title = "压测商品",
            onShelf = true,
            skus = new[] { new { specs = "规格:标准", price = 9900L, originalPrice = 0L, stock = 1_000_000 }, new { specs = "规格:秒杀", price = 9900L, originalPrice = 0L, stock = units } },
        });
        var skus = product.GetProperty("skus");
        var sale = await SendAsync(http, merchant, HttpMethod.Post, "/api/flash-sales", new { skuId = skus[1].GetProperty("id").GetString(), price = 990, quantity = units, perUserLimit = 1 });
        // A small sale of the standard SKU warms the purchase path up, so the storm measures a running server.
        var warmUp = await SendAsync(http, merchant, HttpMethod.Post, "/api/flash-sales", new { skuId = skus[0].GetProperty("id").GetString(), price = 990, quantity = 50, perUserLimit = 1 });
        return new Setup(skus[0].GetProperty("id").GetString()!, sale.GetProperty("id").GetString()!, warmUp.GetProperty("id").GetString()!);
    }

    public static async Task<List<string>> SignUpManyAsync(HttpClient http, int count, int parallel)
    {
        var tokens = new string[count];
        var stamp = Environment.TickCount64 % 1_000_000;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, token) =>
        {
            using var response = await http.PostAsJsonAsync("/api/auth/signup", new { username = $"b{stamp}x{i}", password = "bench-passphrase-2026" }, token);
            response.EnsureSuccessStatusCode();
            tokens[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("token").GetString()!;
        });
        return [.. tokens];
    }

    private static async Task<string> TokenAsync(HttpClient http, string login, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { login, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, string token, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }
}
