namespace Vermilion.Discovery.Search.Analysis;

/// <summary>
/// Turns text into the tokens the full-text index stores. Words and numbers are tokens as they are (folded);
/// a CJK run becomes its overlapping bigrams followed by its last character alone, so that any contiguous
/// CJK phrase of two or more characters is a phrase of consecutive bigram tokens, and a one-character query
/// finds every occurrence as a prefix of some token. The index holds no learned words: the lexicon is used at
/// query time, so it can be relearned without reindexing.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>The index tokens of <paramref name="text"/>, in order.</summary>
    public static List<string> IndexTokens(string text)
    {
        var folded = Characters.Fold(text);
        var tokens = new List<string>(folded.Length);
        foreach (var run in TextRun.Split(folded))
        {
            if (run.Class != CharacterClass.Cjk)
            {
                tokens.Add(run.Text(folded));
                continue;
            }

            AddGrams(folded.AsSpan(run.Start, run.Length), tokens);
        }

        return tokens;
    }

    /// <summary>The bigram tokens of a CJK run, then its last character.</summary>
    public static void AddGrams(ReadOnlySpan<char> run, List<string> tokens)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            tokens.Add(new string(run.Slice(i, 2)));
        }

        tokens.Add(new string(run[^1], 1));
    }

    /// <summary>The consecutive bigram tokens that a CJK word of two or more characters is in the index.</summary>
    public static List<string> Grams(string word)
    {
        var grams = new List<string>(Math.Max(1, word.Length - 1));
        for (var i = 0; i + 1 < word.Length; i++)
        {
            grams.Add(word.Substring(i, 2));
        }

        return grams;
    }
}
