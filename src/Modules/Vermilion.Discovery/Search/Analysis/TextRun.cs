namespace Vermilion.Discovery.Search.Analysis;

/// <summary>A maximal stretch of one class of characters in folded text: a CJK run, a word or a number.</summary>
internal readonly record struct TextRun(CharacterClass Class, int Start, int Length)
{
    public string Text(string folded) => folded.Substring(Start, Length);

    /// <summary>Runs in order. Words and numbers longer than <paramref name="maxWord"/> are cut (they are noise, not vocabulary).</summary>
    public static List<TextRun> Split(string folded, int maxWord = 40)
    {
        var runs = new List<TextRun>();
        var i = 0;
        while (i < folded.Length)
        {
            var kind = Characters.Classify(folded[i]);
            var start = i;
            while (i < folded.Length && Characters.Classify(folded[i]) == kind)
            {
                i++;
            }

            if (kind != CharacterClass.Separator)
            {
                var length = kind == CharacterClass.Cjk ? i - start : Math.Min(i - start, maxWord);
                runs.Add(new TextRun(kind, start, length));
            }
        }

        return runs;
    }
}
