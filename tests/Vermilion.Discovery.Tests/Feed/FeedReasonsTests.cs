using System.Globalization;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Localization;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class FeedReasonsTests
{
    private static readonly TableStringLocalizer Text = Localizer();

    [Theory]
    [InlineData("Collected", "周末露营清单", "因为你收藏了「周末露营清单」", "Because you collected “周末露营清单”")]
    [InlineData("Liked", "平价粉底液测评", "因为你赞过「平价粉底液测评」", "Because you liked “平价粉底液测评”")]
    [InlineData("Following", "小鹿", "你关注的 小鹿", "From 小鹿, whom you follow")]
    [InlineData("Search", "分手复合技巧", "与你搜索的“分手复合技巧”相关", "Related to your search “分手复合技巧”")]
    [InlineData("Nearby", null, "同城热门", "Popular in your city")]
    [InlineData("Distance", "2.4km", "距你 2.4km", "2.4km away")]
    [InlineData("Interest", "美食", "你感兴趣的美食", "Because you like 美食")]
    [InlineData("Fresh", null, "新鲜发布", "Just posted")]
    [InlineData("Trending", null, "热门推荐", "Trending")]
    public void Text_SaysWhyInTheReadersLanguage(string kind, string? argument, string chinese, string english)
    {
        var reason = Enum.Parse<ReasonKind>(kind);
        Assert.Equal(chinese, In("zh-CN", () => FeedReasons.Text(Text, reason, argument)));
        Assert.Equal(english, In("en", () => FeedReasons.Text(Text, reason, argument)));
    }

    [Fact]
    public void Text_NamesNobodyWhenTheFollowedAuthorIsUnknown() =>
        Assert.Equal("你关注的作者", In("zh-CN", () => FeedReasons.Text(Text, ReasonKind.Following, null)));

    [Fact]
    public void Short_CutsLongTitlesToFitACard()
    {
        Assert.Equal("十分钟快手早餐", FeedReasons.Short("十分钟快手早餐"));
        Assert.Equal("一二三四五六七八九十一二…", FeedReasons.Short("一二三四五六七八九十一二三四五"));
        Assert.Equal("", FeedReasons.Short(null));
    }

    [Theory]
    [InlineData(0.234, "230m")]
    [InlineData(0.001, "10m")]
    [InlineData(3.04, "3.0km")]
    [InlineData(27.6, "28km")]
    public void Distance_IsReadableAtEveryScale(double km, string expected) => Assert.Equal(expected, FeedReasons.Distance(km));

    private static TableStringLocalizer Localizer()
    {
        var table = new StringTable();
        table.Load(typeof(DiscoveryModule).Assembly);
        return new TableStringLocalizer(table);
    }

    private static string In(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
