using Vermilion.Discovery.Search.Results;

namespace Vermilion.Discovery.Tests.Search.Results;

public sealed class HighlighterTests
{
    [Fact]
    public void Html_MarksMatchesAndEncodesEverythingElse()
    {
        var html = Highlighter.Html("<b>分手</b>后如何复合", ["分手", "复合"]);

        Assert.Equal("&lt;b&gt;<em>分手</em>&lt;/b&gt;后如何<em>复合</em>", html);
    }

    [Fact]
    public void Snippet_StartsNearTheFirstMatch()
    {
        var body = new string('甲', 200) + "早餐品种太少" + new string('乙', 200);

        var snippet = Highlighter.Snippet(body, ["早餐品种太少"]);

        Assert.Contains("<em>早餐品种太少</em>", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
    }
}
