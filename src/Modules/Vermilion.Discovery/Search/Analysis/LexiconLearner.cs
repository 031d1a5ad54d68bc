namespace Vermilion.Discovery.Search.Analysis;

/// <summary>How strict word discovery is; the defaults suit a few thousand to a few million texts.</summary>
internal sealed record LexiconSettings
{
    /// <summary>Fewest occurrences for a word; raised with the size of the text so noise does not grow with it.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Least pointwise mutual information between the two halves at the weakest split (natural log).</summary>
    public double MinCohesion { get; init; } = 3.0;

    /// <summary>Least entropy of the characters seen on each side: a word appears in many different contexts.</summary>
    public double MinBranching { get; init; } = 1.2;

    /// <summary>Most characters read; a sample beyond that changes little and costs memory.</summary>
    public long MaxCharacters { get; init; } = 30_000_000;
}

/// <summary>
/// Discovers words in unsegmented CJK text without a dictionary: character runs that are frequent, cohesive
/// (their parts occur together far more often than chance: pointwise mutual information at the weakest split)
/// and free (varied characters on both sides: branching entropy). N-grams are counted level by level, an
/// n-gram only when both its (n-1)-grams are frequent, so memory follows the vocabulary rather than the text.
/// </summary>
internal sealed class LexiconLearner(LexiconSettings settings)
{
    private readonly List<string> _runs = [];
    private long _characters;

    public long Characters => _characters;

    /// <summary>Adds a text (a note, a query); returns false once the character budget is spent.</summary>
    public bool Add(string text, int times = 1)
    {
        if (_characters >= settings.MaxCharacters)
        {
            return false;
        }

        var folded = Analysis.Characters.Fold(text);
        foreach (var run in TextRun.Split(folded))
        {
            if (run.Class == CharacterClass.Cjk && run.Length >= 2)
            {
                var piece = run.Text(folded);
                for (var i = 0; i < Math.Clamp(times, 1, 50); i++)
                {
                    _runs.Add(piece);
                    _characters += piece.Length;
                }
            }
        }

        return true;
    }

    public Lexicon Learn(CancellationToken cancellationToken = default)
    {
        var minCount = Math.Max(settings.MinCount, (int)(_characters / 3_000_000));
        var levels = new Dictionary<UInt128, int>[Lexicon.MaxWordLength + 1];
        levels[1] = Count(1, null, cancellationToken);
        Prune(levels[1], minCount);
        for (var n = 2; n <= Lexicon.MaxWordLength; n++)
        {
            levels[n] = Count(n, levels[n - 1], cancellationToken);
            Prune(levels[n], minCount);
        }

        var total = (double)Math.Max(1, _characters);
        var cohesive = new Dictionary<UInt128, int>();
        for (var n = 2; n <= Lexicon.MaxWordLength; n++)
        {
            foreach (var (key, count) in levels[n])
            {
                if (Cohesion(key, n, count, levels, total) >= settings.MinCohesion)
                {
                    cohesive[key] = count;
                }
            }
        }

        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, (left, right)) in Neighbours(cohesive, cancellationToken))
        {
            if (Entropy(left) >= settings.MinBranching && Entropy(right) >= settings.MinBranching)
            {
                words[Decode(key)] = cohesive[key];
            }
        }

        return new Lexicon(words);
    }

    private Dictionary<UInt128, int> Count(int n, Dictionary<UInt128, int>? shorter, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<UInt128, int>();
        foreach (var run in _runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i + n <= run.Length; i++)
            {
                if (shorter is not null && (!shorter.ContainsKey(Key(run, i, n - 1)) || !shorter.ContainsKey(Key(run, i + 1, n - 1))))
                {
                    continue;
                }

                var key = Key(run, i, n);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    private static void Prune(Dictionary<UInt128, int> counts, int minCount)
    {
        foreach (var key in counts.Where(c => c.Value < minCount).Select(c => c.Key).ToList())
        {
            counts.Remove(key);
        }
    }

    /// <summary>The weakest split's PMI: ln(p(w) / (p(a) p(b))) minimised over every way to cut w in two.</summary>
    private static double Cohesion(UInt128 key, int n, int count, Dictionary<UInt128, int>[] levels, double total)
    {
        var weakest = double.MaxValue;
        for (var cut = 1; cut < n; cut++)
        {
            var left = levels[cut].GetValueOrDefault(Slice(key, n, 0, cut));
            var right = levels[n - cut].GetValueOrDefault(Slice(key, n, cut, n - cut));
            if (left == 0 || right == 0)
            {
                return double.MinValue;
            }

            weakest = Math.Min(weakest, Math.Log(count * total / ((double)left * right)));
        }

        return weakest;
    }

    /// <summary>For each candidate, how often each character stands just before and just after it (run edges count as new characters).</summary>
    private Dictionary<UInt128, (Dictionary<char, int> Left, Dictionary<char, int> Right)> Neighbours(Dictionary<UInt128, int> candidates, CancellationToken cancellationToken)
    {
        var sides = candidates.Keys.ToDictionary(k => k, _ => (Left: new Dictionary<char, int>(), Right: new Dictionary<char, int>()));
        var edge = '\uE000'; // private-use characters stand for run edges, each one different
        foreach (var run in _runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var n = 2; n <= Math.Min(Lexicon.MaxWordLength, run.Length); n++)
            {
                for (var i = 0; i + n <= run.Length; i++)
                {
                    if (!sides.TryGetValue(Key(run, i, n), out var side))
                    {
                        continue;
                    }

                    var before = i > 0 ? run[i - 1] : edge++;
                    var after = i + n < run.Length ? run[i + n] : edge++;
                    side.Left[before] = side.Left.GetValueOrDefault(before) + 1;
                    side.Right[after] = side.Right.GetValueOrDefault(after) + 1;
                    if (edge > '\uF8F0')
                    {
                        edge = '\uE000';
                    }
                }
            }
        }

        return sides;
    }

    private static double Entropy(Dictionary<char, int> counts)
    {
        double total = counts.Values.Sum();
        return -counts.Values.Sum(c => c / total * Math.Log(c / total));
    }

    private static UInt128 Key(string run, int start, int length)
    {
        UInt128 key = 0;
        for (var i = 0; i < length; i++)
        {
            key = (key << 16) | run[start + i];
        }

        return key;
    }

    private static UInt128 Slice(UInt128 key, int n, int start, int length) =>
        (key >> (16 * (n - start - length))) & ((UInt128.One << (16 * length)) - 1);

    private static string Decode(UInt128 key)
    {
        var chars = new List<char>(Lexicon.MaxWordLength);
        for (; key != 0; key >>= 16)
        {
            chars.Add((char)(ushort)(key & 0xFFFF));
        }

        chars.Reverse();
        return new string([.. chars]);
    }
}
