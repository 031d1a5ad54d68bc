using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Tests.Recommendation;

public sealed class RankerTests
{
    [Fact]
    public void LambdaMart_LearnsWhichFeatureMarksTheRelevantCandidate()
    {
        var train = Queries(400, 1);
        var eval = Queries(100, 2);

        var (ranker, ndcg) = LambdaMart.Train(train, eval, new RankerSettings(MaxTrees: 60, MinRowsInLeaf: 5), 1, null, CancellationToken.None);

        Assert.True(ranker.TreeCount > 0);
        Assert.True(ndcg > 0.95, $"held-out NDCG {ndcg}");
    }

    /// <summary>Twenty candidates per query; the relevant one has feature 1 above 0.8 and feature 0 is noise.</summary>
    private static RankingData Queries(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<(float[], float[])>();
        for (var q = 0; q < count; q++)
        {
            var features = new float[20 * 2];
            var labels = new float[20];
            var relevant = random.Next(20);
            for (var c = 0; c < 20; c++)
            {
                features[c * 2] = (float)random.NextDouble();
                features[c * 2 + 1] = c == relevant ? 0.8f + (float)random.NextDouble() * 0.2f : (float)random.NextDouble() * 0.8f;
                labels[c] = c == relevant ? 1 : 0;
            }

            queries.Add((features, labels));
        }

        return RankingData.FromQueries(2, queries);
    }
}
