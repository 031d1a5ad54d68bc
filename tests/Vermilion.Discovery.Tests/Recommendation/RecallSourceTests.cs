using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Tests.Recommendation;

public sealed class RecallSourceTests
{
    private static readonly TrainingOptions Options = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void Transitions_RecommendWhatCameNextAfterTheLastItem()
    {
        var log = Synthetic.Chains(200);
        var source = new ItemToItemSettings("transitions", PairDirection.Forward, 1, 1, 0.5, 0.3).Fit(log, Options, CancellationToken.None);

        Assert.Equal(4, Synthetic.Best(Synthetic.Scores(source, 20, 1, 2, 3), 1, 2, 3));
        Assert.Equal(14, Synthetic.Best(Synthetic.Scores(source, 20, 12, 13), 12, 13));
        // Transitions have a direction: nothing ever follows the end of a chain within the log.
        Assert.Equal(0, Synthetic.Scores(source, 20, 9)[8]);
    }

    [Fact]
    public void Cooccurrence_FindsItemsBoughtTogether()
    {
        var log = Synthetic.Log(6, [0, 1], [1, 0], [0, 1, 2], [3, 4], [4, 3, 5], [2, 5]);
        var source = new ItemToItemSettings("itemknn", PairDirection.Both, int.MaxValue, 1, 0.5, 0.7).Fit(log, Options, CancellationToken.None);

        Assert.Equal(1, Synthetic.Best(Synthetic.Scores(source, 6, 0), 0));
        Assert.Equal(4, Synthetic.Best(Synthetic.Scores(source, 6, 3), 3));
        Assert.Equal(0, Synthetic.Scores(source, 6, 0)[3]);
    }

    [Fact]
    public void SessionNeighbours_RecommendWhatSimilarPeopleHad()
    {
        var log = Synthetic.Log(8, [0, 1, 2, 3], [0, 1, 2, 3], [4, 5, 6, 7], [4, 5, 6, 7], [0, 1, 7]);
        var source = new SessionNeighbourSettings(10, 10, 0, 1).Fit(log, Options, CancellationToken.None);

        var scores = Synthetic.Scores(source, 8, 0, 1, 2);

        Assert.Equal(3, Synthetic.Best(scores, 0, 1, 2));
        Assert.True(scores[3] > scores[5]);
    }

    [Fact]
    public void Factorization_SeparatesTwoCommunities()
    {
        var random = new Random(3);
        var people = Enumerable.Range(0, 60).Select(u => Enumerable.Range(0, 6).Select(_ => u % 2 * 10 + random.Next(10)).Distinct().ToArray()).ToArray();
        var log = Synthetic.Log(20, people);
        var source = new FactorizationSettings(4, 5, 10, 10).Fit(log, Options, CancellationToken.None);

        var scores = Synthetic.Scores(source, 20, 0, 1, 2);

        Assert.True(Enumerable.Range(3, 7).Min(i => scores[i]) > Enumerable.Range(10, 10).Max(i => scores[i]), string.Join(" ", scores.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void LinearItemModel_LearnsWhichItemsPredictEachOther()
    {
        var log = Synthetic.Log(6, [0, 1, 2], [0, 1], [1, 2], [3, 4], [3, 4, 5], [4, 5], [0, 2]);
        var source = new LinearItemSettings(0.5, 1).Fit(log, Options, CancellationToken.None);

        var scores = Synthetic.Scores(source, 6, 0, 1);

        Assert.Equal(2, Synthetic.Best(scores, 0, 1));
        Assert.True(scores[2] > scores[3] && scores[2] > scores[5]);
    }

    [Fact]
    public void Attributes_RecommendItemsSharingTheRarerAttribute()
    {
        var log = Synthetic.Log(4, [0], [1], [2], [3]);
        int[][] attributes = [[0, 1], [0, 1], [0, 2], [0, 2]];
        var source = new AttributeSettings(5, 1).Fit(log, Options with { ItemAttributes = attributes }, CancellationToken.None);

        var scores = Synthetic.Scores(source, 4, 0);

        Assert.Equal(1, Synthetic.Best(scores, 0));
        Assert.Equal(0, scores[2]); // the attribute every item has says nothing
    }

    [Fact]
    public void Trending_FavoursWhatPeopleMovedOnToRecently()
    {
        var log = Synthetic.Log(3, [0, 1], [0, 1], [0, 2], [0, 2], [0, 2]);

        var plain = Synthetic.Scores(new PopularitySettings("pop", 1).Fit(log, Options, CancellationToken.None), 3);
        var trending = Synthetic.Scores(new PopularitySettings("trending", 0.1).Fit(log, Options, CancellationToken.None), 3);

        Assert.Equal(0, Synthetic.Best(plain));
        Assert.Equal(2, Synthetic.Best(trending));
    }

    [Fact]
    public void TopItems_BreaksTiesByPopularityAndSkipsExcludedItems()
    {
        float[] scores = [1, 3, 3, float.NegativeInfinity, 0, 0];
        int[] popularity = [0, 1, 5, 9, 2, 7];

        Assert.Equal([2, 1, 0, 5, 4], TopItems.Select(scores, 10, popularity));
        Assert.Equal([2, 1], TopItems.Select(scores, 2, popularity));
    }
}
