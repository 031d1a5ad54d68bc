namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>Ranking candidates for one history: the union of every source's best items, with a feature row each.</summary>
internal sealed record CandidateSet(int[] Items, float[] Features, int[] BestSource);

/// <summary>
/// Recall → features. Each source scores every item; the best <c>perSource</c> of each (history and exclusions
/// removed) are pooled. Per source, a candidate's features are its raw score, its score relative to that source's
/// best for this person (scales differ between people and sources), and its reciprocal rank in the source; then
/// its popularity, the history's length and how many sources proposed it.
/// </summary>
internal sealed class CandidateGenerator(IReadOnlyList<IRecallSource> sources, int[] popularity, int perSource)
{
    private const int PerSourceFeatures = 3;

    public int FeatureCount => sources.Count * PerSourceFeatures + 3;

    public IReadOnlyList<string> FeatureNames =>
    [
        .. sources.SelectMany(s => new[] { $"{s.Name}.score", $"{s.Name}.relative", $"{s.Name}.reciprocal-rank" }),
        "popularity", "history-length", "sources",
    ];

    public CandidateSet Generate(UserHistory history, IReadOnlySet<int>? exclude)
    {
        ArgumentNullException.ThrowIfNull(history);
        var itemCount = popularity.Length;
        var scores = new float[sources.Count][];
        var tops = new int[sources.Count][];
        var pool = new Dictionary<int, int>();
        for (var s = 0; s < sources.Count; s++)
        {
            var dense = new float[itemCount];
            sources[s].Score(history, dense);
            scores[s] = (float[])dense.Clone();
            Exclude(dense, history, exclude);
            tops[s] = TopItems.Select(dense, perSource, popularity);
            foreach (var item in tops[s])
            {
                pool.TryAdd(item, pool.Count);
            }
        }

        var items = pool.Keys.ToArray();
        var features = new float[items.Length * FeatureCount];
        var bestSource = new int[items.Length];
        var bestRank = new int[items.Length];
        Array.Fill(bestRank, int.MaxValue);
        var proposals = new int[items.Length];
        for (var s = 0; s < sources.Count; s++)
        {
            var top = tops[s];
            var best = top.Length > 0 ? scores[s][top[0]] : 0f;
            for (var c = 0; c < items.Length; c++)
            {
                var score = scores[s][items[c]];
                var at = c * FeatureCount + s * PerSourceFeatures;
                features[at] = score;
                features[at + 1] = best > 0 ? score / best : 0f;
            }

            for (var r = 0; r < top.Length; r++)
            {
                var c = pool[top[r]];
                features[c * FeatureCount + s * PerSourceFeatures + 2] = 1f / (1 + r);
                proposals[c]++;
                if (r < bestRank[c])
                {
                    bestRank[c] = r;
                    bestSource[c] = s;
                }
            }
        }

        var tail = sources.Count * PerSourceFeatures;
        for (var c = 0; c < items.Length; c++)
        {
            var at = c * FeatureCount + tail;
            features[at] = MathF.Log(1 + popularity[items[c]]);
            features[at + 1] = MathF.Log(1 + history.Count);
            features[at + 2] = proposals[c];
        }

        return new CandidateSet(items, features, bestSource);
    }

    public string SourceName(int index) => sources[index].Name;

    /// <summary>Marks what must not be recommended: what the person already has, and anything the caller rules out.</summary>
    public static void Exclude(Span<float> scores, UserHistory history, IReadOnlySet<int>? exclude)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var item in history.Items)
        {
            if ((uint)item < (uint)scores.Length)
            {
                scores[item] = float.NegativeInfinity;
            }
        }

        if (exclude is not null)
        {
            foreach (var item in exclude)
            {
                if ((uint)item < (uint)scores.Length)
                {
                    scores[item] = float.NegativeInfinity;
                }
            }
        }
    }
}
