using System.Collections.Concurrent;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>Where a suggestion comes from: a popular query, a note title, a topic or a learned word.</summary>
internal enum SuggestionKind
{
    Query,
    Title,
    Topic,
    Word,
}

internal sealed record Suggestion(string Text, SuggestionKind Kind, double Weight);

/// <summary>
/// Suggestions by prefix, in memory on each node (rebuilt every few minutes from the index and the query log):
/// a sorted array searched by binary search, the best few kept per short prefix, so a keystroke costs
/// microseconds however many notes there are.
/// </summary>
internal sealed class SuggestionIndex
{
    private const int ScanLimit = 4000;

    public static readonly SuggestionIndex Empty = new([], new Dictionary<string, int>());

    private readonly Suggestion[] _sorted;
    private readonly string[] _keys;
    private readonly ConcurrentDictionary<string, Suggestion[]> _cache = new(StringComparer.Ordinal);

    public SuggestionIndex(IEnumerable<Suggestion> suggestions, IReadOnlyDictionary<string, int> topics)
    {
        // One entry per text: the strongest source names it, the weights add up.
        _sorted = [.. suggestions
            .Where(s => s.Text.Length is > 0 and <= 40)
            .GroupBy(s => Characters.Fold(s.Text).Trim(), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g => new Suggestion(g.Key, g.MaxBy(s => s.Weight)!.Kind, g.Sum(s => s.Weight)))
            .OrderBy(s => s.Text, StringComparer.Ordinal)];
        _keys = [.. _sorted.Select(s => s.Text)];
        Topics = topics;
    }

    /// <summary>Topic names with how many findable notes name them.</summary>
    public IReadOnlyDictionary<string, int> Topics { get; }

    public int Count => _sorted.Length;

    public IReadOnlyList<Suggestion> Lookup(string prefix, int count)
    {
        var key = Characters.Fold(prefix).Trim();
        if (key.Length == 0)
        {
            return [];
        }

        var best = key.Length <= 2 ? _cache.GetOrAdd(key, Best) : Best(key);
        return best.Length <= count ? best : best[..count];
    }

    private Suggestion[] Best(string key)
    {
        var from = LowerBound(key);
        var to = from;
        while (to < _keys.Length && _keys[to].StartsWith(key, StringComparison.Ordinal))
        {
            to++;
        }

        var range = _sorted.AsSpan(from, to - from);
        var picked = range.Length <= ScanLimit ? range.ToArray() : range.ToArray().OrderByDescending(s => s.Weight).Take(ScanLimit).ToArray();
        return [.. picked.Where(s => s.Text != key).OrderByDescending(s => s.Weight).ThenBy(s => s.Text.Length).Take(20)];
    }

    private int LowerBound(string key)
    {
        int low = 0, high = _keys.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_keys[middle], key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
