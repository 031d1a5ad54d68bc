namespace Vermilion.Discovery.Search.Analysis;

/// <summary>
/// Something a matching note must contain: consecutive index tokens (a word, a number, a CJK word as its
/// bigrams), or with <see cref="Prefix"/> any token starting with the one given (a one-character query).
/// </summary>
internal sealed record QueryChunk(IReadOnlyList<string> Tokens, bool Prefix, string Surface);

/// <summary>
/// A search query cut for the index. <see cref="Words"/> must all match, anywhere (the lexicon's words, so a
/// scattered match counts); <see cref="Phrases"/> are the query's runs as typed, which an exact match contains
/// contiguously and ranks above a scattered one. <see cref="Highlights"/> are the strings to mark in results.
/// </summary>
internal sealed record AnalyzedQuery(string Text, IReadOnlyList<QueryChunk> Words, IReadOnlyList<QueryChunk> Phrases, IReadOnlyList<string> Highlights)
{
    public bool IsEmpty => Words.Count == 0;

    /// <summary>True when the exact phrases ask for more than the words do, so the exact tier means something.</summary>
    public bool HasPhraseTier => Phrases.Count > 0 && !Phrases.Select(Key).SequenceEqual(Words.Select(Key));

    private static string Key(QueryChunk chunk) => string.Join(' ', chunk.Tokens) + (chunk.Prefix ? "*" : "");
}

/// <summary>Cuts what someone typed into chunks the index can match, with the lexicon's help.</summary>
internal static class QueryAnalyzer
{
    public const int MaxLength = 100;

    public static AnalyzedQuery Analyze(string query, Lexicon lexicon)
    {
        var folded = Characters.Fold(query.Length > MaxLength ? query[..MaxLength] : query).Trim();
        var words = new List<QueryChunk>();
        var phrases = new List<QueryChunk>();
        foreach (var run in TextRun.Split(folded))
        {
            var text = run.Text(folded);
            if (run.Class != CharacterClass.Cjk)
            {
                var chunk = new QueryChunk([text], false, text);
                Add(words, chunk);
                Add(phrases, chunk);
            }
            else if (text.Length == 1)
            {
                var chunk = new QueryChunk([text], true, text);
                Add(words, chunk);
                Add(phrases, chunk);
            }
            else
            {
                Add(phrases, new QueryChunk(TextAnalyzer.Grams(text), false, text));
                foreach (var segment in lexicon.Segment(text))
                {
                    // A lone character between two known words (的, 了, 和) narrows nothing; the exact tier still has it.
                    if (segment.Length > 1)
                    {
                        foreach (var word in Words(text.Substring(segment.Start, segment.Length), segment.Known))
                        {
                            Add(words, new QueryChunk(TextAnalyzer.Grams(word), false, word));
                        }
                    }
                }
            }
        }

        var highlights = phrases.Concat(words).Select(c => c.Surface).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToList();
        return new AnalyzedQuery(folded, words, phrases, highlights);
    }

    /// <summary>
    /// A known word as it is. Four or more characters the lexicon does not know (a new install, a new term) are
    /// taken two by two, the commonest length of a Chinese word, an odd last character joining the last pair, so
    /// a scattered match still counts; the exact phrase still ranks first.
    /// </summary>
    private static IEnumerable<string> Words(string segment, bool known)
    {
        if (known || segment.Length < 4)
        {
            yield return segment;
            yield break;
        }

        for (var i = 0; i < segment.Length; i += 2)
        {
            yield return segment.Length - i == 3 ? segment[i..] : segment.Substring(i, 2);
            if (segment.Length - i == 3)
            {
                yield break;
            }
        }
    }

    private static void Add(List<QueryChunk> chunks, QueryChunk chunk)
    {
        if (!chunks.Any(c => c.Surface == chunk.Surface && c.Prefix == chunk.Prefix))
        {
            chunks.Add(chunk);
        }
    }
}
