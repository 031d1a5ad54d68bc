using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// A trained recommender: recall sources and, for the full recommender, the learned ranker over their candidates.
/// Immutable; <see cref="Recommend"/> may be called from any number of threads at once.
/// </summary>
internal sealed class RecommenderModel
{
    private readonly IReadOnlyList<IRecallSource> sources;
    private readonly RankingEnsemble? ranker;
    private readonly CandidateGenerator candidates;
    private readonly int[] popularity;

    public RecommenderModel(string name, IReadOnlyList<IRecallSource> sources, RankingEnsemble? ranker, int[] popularity, int candidatesPerSource, TrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0 || ranker is null && sources.Count != 1)
        {
            throw new ArgumentException("A model is one source alone, or several blended by a ranker.", nameof(sources));
        }

        Name = name;
        this.sources = sources;
        this.ranker = ranker;
        this.popularity = popularity;
        candidates = new CandidateGenerator(sources, popularity, candidatesPerSource);
        Report = report;
    }

    public string Name { get; }

    public int ItemCount => popularity.Length;

    public TrainingReport Report { get; }

    /// <summary>The trained recall sources, for a caller that keeps part of a model (the feed keeps item neighbours).</summary>
    public IReadOnlyList<IRecallSource> Sources => sources;

    /// <summary>
    /// The best <paramref name="k"/> items for a history, never one already in it or in <paramref name="exclude"/>.
    /// When the sources run out of ideas the list is completed with popular items.
    /// </summary>
    public IReadOnlyList<RecommendedItem> Recommend(UserHistory history, int k, IReadOnlySet<int>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (ranker is null)
        {
            var scores = new float[ItemCount];
            sources[0].Score(history, scores);
            CandidateGenerator.Exclude(scores, history, exclude);
            return [.. TopItems.Select(scores, k, popularity).Select(i => new RecommendedItem(i, scores[i], sources[0].Name))];
        }

        var set = candidates.Generate(history, exclude);
        var ranked = new (int Candidate, float Score)[set.Items.Length];
        for (var c = 0; c < ranked.Length; c++)
        {
            ranked[c] = (c, ranker.Score(set.Features.AsSpan(c * candidates.FeatureCount, candidates.FeatureCount)));
        }

        Array.Sort(ranked, (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : popularity[set.Items[b.Candidate]].CompareTo(popularity[set.Items[a.Candidate]]));
        var result = ranked.Take(k).Select(r => new RecommendedItem(set.Items[r.Candidate], r.Score, candidates.SourceName(set.BestSource[r.Candidate]))).ToList();
        if (result.Count < k)
        {
            Backfill(result, history, exclude, k);
        }

        return result;
    }

    private void Backfill(List<RecommendedItem> result, UserHistory history, IReadOnlySet<int>? exclude, int k)
    {
        var scores = popularity.Select(p => (float)p).ToArray();
        CandidateGenerator.Exclude(scores, history, exclude);
        foreach (var taken in result)
        {
            scores[taken.Item] = float.NegativeInfinity;
        }

        var floor = result.Count > 0 ? result[^1].Score : 0f;
        result.AddRange(TopItems.Select(scores, k - result.Count, popularity).Select(i => new RecommendedItem(i, floor - 1, "popular")));
    }
}
