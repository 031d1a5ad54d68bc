using Vermilion.Discovery.Recommendation;

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
        Assert.True(model.Report.RankerTrees > 0);
        Assert.Equal(SourceCatalog.Names.Count - 1, model.Report.Sources.Count); // no attributes given
    }

    [Fact]
    public void Recommend_NeverReturnsHistoryOrExclusionsAndFillsTheList()
    {
        var model = RecommenderTrainer.Train(Synthetic.Chains(300), Options, null, CancellationToken.None);
        var history = new UserHistory(-1, [0, 1, 2]);

        var items = model.Recommend(history, 17, new HashSet<int> { 3, 13 }).Select(r => r.Item).ToList();

        Assert.Equal(17, items.Count);
        Assert.Equal(17, items.Distinct().Count());
        Assert.Empty(items.Intersect([0, 1, 2, 3, 13]));
    }

    [Fact]
    public void Recommend_GivesTheSameAnswersFromManyThreadsAtOnce()
    {
        var model = RecommenderTrainer.Train(Synthetic.Chains(300), Options, null, CancellationToken.None);
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
}
