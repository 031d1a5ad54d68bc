using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Recommendation.Ranking;
using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Tests.Recommendation;

public sealed class RecommenderTrainerTests
{
    private static readonly TrainingOptions Options = new() { MaxDegreeOfParallelism = 2, MaxTuningQueries = 500 };

    [Fact]
    public void FullRecommender_PredictsTheNextStepOfAChain()
    {
        var model = RecommenderTrainer.Train(Synthetic.Chains(600), Options, null, CancellationToken.None);

        var next = model.Recommend(new UserHistory(-1, [11, 12, 13]), 3);

        Assert.Equal("vermilion", model.Name);
        Assert.Equal(14, next[0].Item);
        Assert.False(string.IsNullOrEmpty(next[0].Reason));
        Assert.Equal(SourceCatalog.Names.Count - 1, model.Report.Sources.Count); // every source but attributes (none given) was tuned
    }

    [Fact]
    public void Blend_RanksCandidatesWithTheLearnedRanker()
    {
        var model = Blend();

        var next = model.Recommend(new UserHistory(-1, [2, 3]), 5);

        Assert.Equal(4, next[0].Item);
        Assert.Equal("transitions", next[0].Reason);
        Assert.True(next.Zip(next.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Recommend_NeverReturnsHistoryOrExclusionsAndFillsTheList()
    {
        var model = Blend();
        var history = new UserHistory(-1, [0, 1, 2]);

        var items = model.Recommend(history, 12, new HashSet<int> { 3, 13 }).Select(r => r.Item).ToList();
        var everything = model.Recommend(history, 100, new HashSet<int> { 3, 13 });

        Assert.Equal(12, items.Count);
        Assert.Equal(12, items.Distinct().Count());
        Assert.Empty(items.Intersect([0, 1, 2, 3, 13]));
        Assert.Equal(15, everything.Count); // twenty items, five ruled out
    }

    [Fact]
    public void Recommend_GivesTheSameAnswersFromManyThreadsAtOnce()
    {
        var model = Blend();
        var histories = Enumerable.Range(0, 64).Select(u => new UserHistory(-1, [u % 20, (u + 1) % 20])).ToArray();
        var alone = histories.Select(h => string.Join(',', model.Recommend(h, 5).Select(r => r.Item))).ToArray();

        var together = new string[histories.Length];
        Parallel.For(0, histories.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            together[i] = string.Join(',', model.Recommend(histories[i], 5).Select(r => r.Item)));

        Assert.Equal(alone, together);
    }

    [Fact]
    public void OneSourceAlone_IsTunedOnValidationAndRanksByItself()
    {
        var model = RecommenderTrainer.Train(Synthetic.Chains(300), Options with { Sources = ["transitions"], LearnRanker = false }, null, CancellationToken.None);

        Assert.Equal("transitions", model.Name);
        Assert.Equal(5, model.Recommend(new UserHistory(-1, [3, 4]), 1)[0].Item);
        Assert.True(Assert.Single(model.Report.Sources).ValidationNdcg > 0.5);
    }

    [Fact]
    public void Training_StopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RecommenderTrainer.Train(Synthetic.Chains(300), Options, null, cancel.Token));
    }

    /// <summary>Transitions and popularity blended by a ranker learned on held-out chain steps.</summary>
    private static RecommenderModel Blend()
    {
        var log = Synthetic.Chains(300);
        var (fit, queries) = Holdout.Split(log, Options);
        IRecallSource[] sources =
        [
            new ItemToItemSettings("transitions", PairDirection.Forward, 1, 1, 0.5, 0.3).Fit(fit, Options, CancellationToken.None),
            new PopularitySettings("trending", 1).Fit(fit, Options, CancellationToken.None),
        ];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var (train, eval) = ValidationRounds.RankingSets([new ValidationRound(fit, queries, sources)], Options, parallel, null);
        var (ranker, _) = LambdaMart.Train(train, eval, new RankerSettings(MaxTrees: 30, MinRowsInLeaf: 5), 1, null, CancellationToken.None);
        return new RecommenderModel("vermilion", sources, ranker, fit.ItemCounts, 10, new TrainingReport(queries.Count, [], ranker.TreeCount, 0, []));
    }
}
