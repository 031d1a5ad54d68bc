using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Tests.Search.Analysis;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void IndexTokens_CutCjkIntoBigramsAndKeepWordsAndNumbers()
    {
        var tokens = TextAnalyzer.IndexTokens("iPhone15 拍照很清晰，ＧＰＵ 3000元");

        Assert.Equal(["iphone", "15", "拍照", "照很", "很清", "清晰", "晰", "gpu", "3000", "元"], tokens);
    }

    [Fact]
    public void IndexTokens_OfARealReview_MakeEveryContiguousPhraseAPhraseOfTokens()
    {
        var review = ReviewCorpus.All.First(r => r.Text.Contains("早餐品种太少", StringComparison.Ordinal));
        var tokens = TextAnalyzer.IndexTokens(review.Text);
        var phrase = TextAnalyzer.Grams("早餐品种太少");

        var at = Enumerable.Range(0, tokens.Count - phrase.Count + 1).FirstOrDefault(i => tokens.Skip(i).Take(phrase.Count).SequenceEqual(phrase), -1);

        Assert.True(at >= 0, "the phrase's bigrams are consecutive tokens of the review");
    }

    [Fact]
    public void Fold_KeepsOffsetsAndFoldsWidthAndCase()
    {
        var text = "ＡＢＣ好Ｘ　y";

        var folded = Characters.Fold(text);

        Assert.Equal("abc好x y", folded);
        Assert.Equal(text.Length, folded.Length);
    }

    [Fact]
    public void Lexicon_LearnedFromRealReviews_KnowsTheCategoryWordsAndCommonWords()
    {
        var lexicon = CorpusLexicon.Lexicon;

        foreach (var word in new[] { "酒店", "手机", "洗发水", "热水器", "蒙牛", "平板", "衣服", "水果", "性价比", "服务员", "前台", "早餐" })
        {
            Assert.True(lexicon.Contains(word), $"the lexicon learned from reviews knows {word}");
        }

        // Pieces that cross a word boundary are not words.
        foreach (var junk in new[] { "店服", "的手", "了一", "很不" })
        {
            Assert.False(lexicon.Contains(junk), $"{junk} is not a word");
        }
    }

    [Fact]
    public void Segment_CutsARealPhraseIntoItsWords()
    {
        var lexicon = CorpusLexicon.Lexicon;

        var words = Words(lexicon, "酒店服务态度很好");

        Assert.Equal(["酒店", "服务"], words.Take(2));
        Assert.Equal("酒店服务态度很好", string.Concat(words));
        Assert.Contains("洗发水", Words(lexicon, "这款洗发水味道很香"));
    }

    [Fact]
    public void Analyze_LongPhrase_AsksForItsWordsAnywhereAndTheWholePhraseExactly()
    {
        var query = QueryAnalyzer.Analyze("早餐品种太少", CorpusLexicon.Lexicon);

        Assert.True(query.Words.Count >= 2, "the phrase is cut into words");
        Assert.All(query.Words, w => Assert.Contains(w.Surface, "早餐品种太少", StringComparison.Ordinal));
        Assert.Equal(["早餐", "餐品", "品种", "种太", "太少"], Assert.Single(query.Phrases).Tokens);
        Assert.True(query.HasPhraseTier);
        Assert.Equal("早餐品种太少", query.Highlights[0]);
    }

    [Fact]
    public void Analyze_OneCharacter_IsAPrefixOfTokens()
    {
        var chunk = Assert.Single(QueryAnalyzer.Analyze("书", Lexicon.Empty).Words);

        Assert.True(chunk.Prefix);
        Assert.Equal(["书"], chunk.Tokens);
    }

    [Fact]
    public void Analyze_UnknownRun_WithoutLexicon_IsTakenTwoByTwo_AndShortOnesWhole()
    {
        var query = QueryAnalyzer.Analyze("老公出轨如何取证", Lexicon.Empty);

        Assert.Equal(["老公", "出轨", "如何", "取证"], query.Words.Select(w => w.Surface));
        Assert.True(query.HasPhraseTier);
        Assert.Equal(["分手", "复合", "技巧"], QueryAnalyzer.Analyze("分手复合技巧", Lexicon.Empty).Words.Select(w => w.Surface));
        Assert.Equal(["洗发", "发水"], Assert.Single(QueryAnalyzer.Analyze("洗发水", Lexicon.Empty).Words).Tokens);
    }

    [Fact]
    public void Analyze_WithLearnedWords_SplitsPhraseIntoWords()
    {
        var lexicon = new Lexicon(new Dictionary<string, int> { ["分手"] = 10, ["复合"] = 8, ["技巧"] = 9, ["分手复合"] = 6 });

        var query = QueryAnalyzer.Analyze("分手复合技巧", lexicon);

        Assert.Equal(["分手", "复合", "技巧"], query.Words.Select(w => w.Surface));
        Assert.True(query.HasPhraseTier);
    }

    private static List<string> Words(Lexicon lexicon, string run) =>
        [.. lexicon.Segment(run).Where(s => s.Known).Select(s => run.Substring(s.Start, s.Length))];
}
