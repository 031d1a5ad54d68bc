namespace Vermilion.Discovery.Search.Analysis;

/// <summary>One piece of a segmented CJK run: a word from the lexicon, or characters it does not know.</summary>
internal readonly record struct Segment(int Start, int Length, bool Known);

/// <summary>
/// The words learned from the platform's own notes and searches (see <see cref="LexiconLearner"/>), used to cut a
/// CJK query into words. Immutable: a new lexicon replaces the old one whole.
/// </summary>
internal sealed class Lexicon
{
    public const int MaxWordLength = 6;

    public static readonly Lexicon Empty = new(new Dictionary<string, int>());

    private readonly Dictionary<string, int> _counts;

    public Lexicon(IReadOnlyDictionary<string, int> counts)
    {
        _counts = new Dictionary<string, int>(counts.Where(w => w.Key.Length is >= 2 and <= MaxWordLength), StringComparer.Ordinal);
    }

    public int Count => _counts.Count;

    public IEnumerable<KeyValuePair<string, int>> Words => _counts;

    public bool Contains(string word) => _counts.ContainsKey(word);

    public int Frequency(string word) => _counts.GetValueOrDefault(word);

    /// <summary>
    /// Cuts a CJK run into lexicon words and unknown characters: as many characters as possible inside known
    /// words, then as many words as possible (the lexicon also learns frequent collocations such as 服务态度很好;
    /// a query must match its parts anywhere, not the collocation, and the exact phrase ranks first anyway),
    /// ties broken by word frequency. Neighbouring unknown characters are joined into one unknown segment.
    /// </summary>
    public List<Segment> Segment(string run)
    {
        var n = run.Length;
        var best = new double[n + 1];
        var from = new int[n + 1];
        for (var end = 1; end <= n; end++)
        {
            best[end] = best[end - 1];
            from[end] = end - 1;
            for (var length = 2; length <= Math.Min(MaxWordLength, end); length++)
            {
                if (_counts.TryGetValue(run.Substring(end - length, length), out var count))
                {
                    var score = best[end - length] + (10 * length) + 1 + (0.001 * Math.Log(1 + count));
                    if (score > best[end])
                    {
                        best[end] = score;
                        from[end] = end - length;
                    }
                }
            }
        }

        var pieces = new List<Segment>();
        for (var end = n; end > 0; end = from[end])
        {
            pieces.Add(new Segment(from[end], end - from[end], end - from[end] > 1));
        }

        pieces.Reverse();
        var joined = new List<Segment>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (!piece.Known && joined.Count > 0 && !joined[^1].Known)
            {
                var last = joined[^1];
                joined[^1] = new Segment(last.Start, last.Length + piece.Length, false);
            }
            else
            {
                joined.Add(piece);
            }
        }

        return joined;
    }
}
