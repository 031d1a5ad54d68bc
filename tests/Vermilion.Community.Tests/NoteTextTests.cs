using Vermilion.Community.Notes;

namespace Vermilion.Community.Tests;

public sealed class NoteTextTests
{
    private static readonly Dictionary<string, string> NoLinks = [];

    [Fact]
    public void KnownStickers_AreDrawnAsEmoji_AndEverythingElseStaysInertText()
    {
        var html = NoteText.ToHtml("好吃[赞][笑哭] [不存在] <b>[赞]</b> #美食#", NoLinks);

        Assert.Contains("<span class=\"sticker\" role=\"img\" aria-label=\"[赞]\" title=\"[赞]\">👍</span>", html, StringComparison.Ordinal);
        Assert.Contains("😂", html, StringComparison.Ordinal);
        Assert.Contains("[不存在]", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"topic-link\" href=\"/topic/%E7%BE%8E%E9%A3%9F\">#美食</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStickerCode_IsUnique_AndShortEnoughToBeRecognised()
    {
        Assert.Equal(Stickers.All.Count, Stickers.All.Select(s => s.Code).Distinct().Count());
        Assert.All(Stickers.All, s => Assert.InRange(s.Code.Length, 1, 4));
        Assert.All(Stickers.All, s => Assert.Same(s, Stickers.Find(s.Code)));
    }
}
