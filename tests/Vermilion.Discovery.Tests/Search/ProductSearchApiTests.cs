using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Contracts;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>
/// Products in search (商品) end to end on both databases: the index follows commerce's events (products saved,
/// shelved, sold, reviewed; cards set on notes), and notes are found by the products they carry.
/// </summary>
public sealed class ProductSearchApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Products_AreFoundByTitleSpecsStoreAndNotes_TheTitleMatchFirst(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync("山野" + word + "小铺");
        var tent = await shop.ListAsync("轻量双人帐篷" + word, 39900, "重量:1.8kg", "颜色:森林绿", "颜色:沙漠黄");
        var lamp = await shop.ListAsync("露营挂灯" + word, 5900, "适用:帐篷");
        var (author, _, _) = await app.SignUpAsync();
        var noteId = await author.PublishTextAsync("周末徒步好物分享", "山里过夜全靠它");
        await app.CreateClient().EventuallyAsync("徒步好物", found => found.Contains(noteId), "the note is indexed");
        await author.CarryAsync(noteId, tent);
        var reader = app.CreateClient();

        var byTitle = await Eventually.ValueAsync(() => reader.ProductsFoundAsync("帐篷" + word), f => f.Count == 2, "both products have the word");
        Assert.Equal([tent.Id, lamp.Id], byTitle);
        Assert.Equal([tent.Id], await reader.ProductsFoundAsync("森林绿 " + word));
        Assert.Equal(2, (await reader.ProductsFoundAsync("山野" + word + "小铺")).Count);
        await Eventually.ValueAsync(() => reader.ProductsFoundAsync("徒步好物"), f => f.Contains(tent.Id), "the note carrying the tent lends it its words");

        var page = await reader.SearchProductsAsync("双人帐篷" + word);
        var card = page.GetProperty("products")[0];
        Assert.Equal(39900, card.GetProperty("card").GetProperty("price").GetInt64());
        Assert.Equal(shop.StoreName, card.GetProperty("card").GetProperty("storeName").GetString());
        Assert.Contains("<em>", card.GetProperty("titleHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("relevance", page.GetProperty("sort").GetString());

        // The note is found by the product's name, and its result carries the product.
        var notes = await Eventually.ValueAsync(() => reader.SearchAsync("双人帐篷" + word),
            p => p.GetProperty("notes").GetArrayLength() == 1, "the note is found by the product it carries");
        var note = notes.GetProperty("notes")[0];
        Assert.Equal(noteId, note.GetProperty("card").GetProperty("id").GetString());
        Assert.Equal(tent.Id, note.GetProperty("product").GetProperty("id").GetString());
        Assert.Equal("/goods/" + tent.Id, note.GetProperty("card").GetProperty("chip").GetProperty("href").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachSort_OrdersByItsFigure(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync();
        var cheap = await shop.ListAsync("羊绒围巾" + word + "基础款", 9900);
        var dear = await shop.ListAsync("羊绒围巾" + word + "礼盒款", 39900);
        var middle = await shop.ListAsync("羊绒围巾" + word + "格纹款", 19900);
        var (buyer, _, _) = await app.SignUpAsync();
        var (other, _, _) = await app.SignUpAsync();
        var dearOrder = await app.BuyAsync(buyer, dear, 3);
        var middleOrder = await app.BuyAsync(other, middle, 1);
        await shop.ReviewAsync(buyer, dear, dearOrder, 3);
        await shop.ReviewAsync(other, middle, middleOrder, 5);
        var reader = app.CreateClient();
        var query = "羊绒围巾" + word;

        Assert.Equal([dear.Id, middle.Id, cheap.Id], await Eventually.ValueAsync(() => reader.ProductsFoundAsync(query, "&sort=sales"),
            f => f.Count == 3 && f[0] == dear.Id && f[1] == middle.Id, "sales are flushed into the index"));
        Assert.Equal([middle.Id, dear.Id, cheap.Id], await Eventually.ValueAsync(() => reader.ProductsFoundAsync(query, "&sort=rating"),
            f => f.Count == 3 && f[0] == middle.Id, "ratings are flushed into the index"));
        Assert.Equal([cheap.Id, middle.Id, dear.Id], await reader.ProductsFoundAsync(query, "&sort=price_asc"));
        Assert.Equal([dear.Id, middle.Id, cheap.Id], await reader.ProductsFoundAsync(query, "&sort=price_desc"));
        var sold = (await reader.SearchProductsAsync(query, "&sort=sales")).GetProperty("products")[0].GetProperty("card");
        Assert.Equal(3, sold.GetProperty("sold").GetInt32());
        Assert.Equal(3.0, sold.GetProperty("rating").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SortedPages_FollowEachOtherByKeyset_AndRelevancePagesByOffset(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync();
        var listed = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Two products share each price, so the keyset's tie on price is crossed by a page boundary.
            listed.Add((await shop.ListAsync($"棉袜{word} 第{i}款", 1000 + (i / 2 * 100))).Id);
        }

        var reader = app.CreateClient();
        await Eventually.ValueAsync(() => AllPagesAsync(reader, "棉袜" + word, "price_asc"), pages => pages.SelectMany(p => p).Count() == 23, "all the socks are indexed");
        foreach (var sort in new[] { "price_asc", "price_desc", "relevance" })
        {
            var pages = await AllPagesAsync(reader, "棉袜" + word, sort);

            Assert.Equal([20, 3], pages.Select(p => p.Count));
            var found = pages.SelectMany(p => p).ToList();
            Assert.Equal(23, found.Select(p => p.Id).Distinct().Count());
            Assert.Equal(listed.Order(), found.Select(p => p.Id).Order());
            var prices = found.Select(p => p.Price).ToList();
            if (sort == "price_asc")
            {
                Assert.Equal(prices.Order(), prices);
            }
            else if (sort == "price_desc")
            {
                Assert.Equal(prices.OrderDescending(), prices);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AProductOffTheShelf_IsNotFound_UntilItIsBack(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync();
        var mug = await shop.ListAsync("手作陶瓷杯" + word, 6800);
        var reader = app.CreateClient();
        await Eventually.ValueAsync(() => reader.ProductsFoundAsync("陶瓷杯" + word), f => f.Contains(mug.Id), "the mug is indexed");

        await shop.ShelveAsync(mug, onShelf: false);

        await Eventually.ValueAsync(() => reader.ProductsFoundAsync("陶瓷杯" + word), f => f.Count == 0, "a product off the shelf is gone");
        Assert.Empty(await reader.ProductsFoundAsync("陶瓷杯" + word, "&sort=sales"));
        await shop.ShelveAsync(mug, onShelf: true);
        await Eventually.ValueAsync(() => reader.ProductsFoundAsync("陶瓷杯" + word), f => f.Contains(mug.Id), "back on the shelf, it is found again");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEditedProduct_IsReindexed_AndSoAreTheNotesCarryingIt(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync();
        var candle = await shop.ListAsync("香薰蜡烛" + word, 7900);
        var (author, _, _) = await app.SignUpAsync();
        var noteId = await author.PublishTextAsync("卧室氛围感布置", "睡前点一会儿");
        await app.CreateClient().EventuallyAsync("氛围感布置", found => found.Contains(noteId), "the note is indexed");
        await author.CarryAsync(noteId, candle);
        var reader = app.CreateClient();
        await reader.EventuallyAsync("香薰蜡烛" + word, found => found.Contains(noteId), "the note is found by the product it carries");

        await shop.RenameAsync(candle, "木质调扩香石" + word, 8900);

        // Without the test's own word: with it, a query that misses is relaxed to any word and would find the old row.
        await Eventually.ValueAsync(() => reader.ProductsFoundAsync("木质调扩香石"), f => f.Contains(candle.Id), "the new title finds the product");
        Assert.DoesNotContain(candle.Id, await reader.ProductsFoundAsync("香薰蜡烛"));
        Assert.Equal(8900, (await reader.SearchProductsAsync("扩香石" + word)).GetProperty("products")[0].GetProperty("card").GetProperty("price").GetInt64());
        await reader.EventuallyAsync("木质调扩香石", found => found.Contains(noteId), "the note is found by the product's new title");
        Assert.DoesNotContain(noteId, await reader.FoundAsync("香薰蜡烛"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_IsAProblemWithFieldErrors_AndChangesNothing(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var client = app.CreateClient();

        foreach (var (query, field) in new[]
        {
            ("", "q"), ("?q=%20", "q"), ("?q=" + new string('长', 101), "q"), ("?q=a&sort=hottest", "sort"), ("?q=a&sort=likes", "sort"),
            ("?q=a&cursor=%25%25", "cursor"), ("?q=a&cursor=AAAA", "cursor"),
        })
        {
            var response = await client.GetAsync("/api/search/products" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.JsonAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query} names {field}");
        }

        Assert.DoesNotContain("hottest", await app.CreateClient().GetStringAsync("/api/search/hot"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reindex_RebuildsProductsFromTheCatalogue(DatabaseProvider provider)
    {
        var app = await apps.GetAsync(provider);
        var word = Word();
        var shop = await app.ShopkeeperAsync();
        var pen = await shop.ListAsync("钢笔" + word, 15900);
        await Eventually.ValueAsync(() => app.CreateClient().ProductsFoundAsync("钢笔" + word), f => f.Contains(pen.Id), "the pen is indexed");

        var report = await app.Services.GetRequiredService<ISearchIndexMaintenance>().ReindexAsync(null, CancellationToken.None);

        Assert.True(report.Products >= 1);
        Assert.Equal([pen.Id], await app.CreateClient().ProductsFoundAsync("钢笔" + word));
    }

    /// <summary>Every page of a product search, following each page's cursor to the end.</summary>
    private static async Task<List<List<(string Id, long Price)>>> AllPagesAsync(HttpClient reader, string query, string sort)
    {
        var pages = new List<List<(string Id, long Price)>>();
        string? cursor = null;
        do
        {
            var page = await reader.SearchProductsAsync(query, $"&sort={sort}" + (cursor is null ? "" : "&cursor=" + cursor));
            pages.Add([.. page.GetProperty("products").EnumerateArray()
                .Select(p => (p.GetProperty("card").GetProperty("id").GetString()!, p.GetProperty("card").GetProperty("price").GetInt64()))]);
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null && pages.Count < 10);
        return pages;
    }

    /// <summary>A Latin word (letters only: one token) of its own per test, so tests sharing an app never find each other's products.</summary>
    private static string Word() => new([.. ApiClient.UniqueName("w").Select(c => char.IsAsciiDigit(c) ? (char)('a' + (c - '0')) : c)]);
}
