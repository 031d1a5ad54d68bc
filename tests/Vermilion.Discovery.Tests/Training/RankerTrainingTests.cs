using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Tests.Training;

public sealed class RankerTrainingTests
{
    [Fact]
    public void Learn_KeepsThePriorUntilThereAreEnoughImpressions()
    {
        var model = RankerTraining.Learn([.. Examples(50, clickWhenFollowing: true)], null);

        Assert.All(model.TrainedOn, n => Assert.Equal(0, n));
        Assert.Equal(ObjectiveModel.PriorWeights(Objective.Click), model.Weights[(int)Objective.Click]);
    }

    [Fact]
    public void Learn_FindsWhatLeadsToClicks()
    {
        // Clicks follow the "following" feature and nothing else; likes never happen.
        var model = RankerTraining.Learn([.. Examples(2000, clickWhenFollowing: true)], null);
        var followed = new float[FeedFeatures.Count];
        followed[FeedFeatures.Following] = 1;
        var stranger = new float[FeedFeatures.Count];

        Assert.True(model.TrainedOn[(int)Objective.Click] > 0);
        Assert.Equal(0, model.TrainedOn[(int)Objective.Like]);
        Assert.True(model.Probability(Objective.Click, followed) > 0.8);
        Assert.True(model.Probability(Objective.Click, stranger) < 0.2);
    }

    [Fact]
    public void Score_BlendsTheObjectivesByTheirWeights()
    {
        var features = new float[FeedFeatures.Count];
        var prior = ObjectiveModel.Prior;

        var onlyClicks = prior.Score(features, [1, 0, 0, 0, 0]);

        Assert.Equal(prior.Probability(Objective.Click, features), onlyClicks, 5);
        Assert.True(prior.Score(features, [1, 1, 2, 3, 2]) > onlyClicks);
    }

    private static IEnumerable<(float[], bool[])> Examples(int count, bool clickWhenFollowing)
    {
        var random = new Random(3);
        for (var i = 0; i < count; i++)
        {
            var features = new float[FeedFeatures.Count];
            features[FeedFeatures.Following] = random.Next(2);
            features[FeedFeatures.Trending] = (float)random.NextDouble();
            var click = clickWhenFollowing && features[FeedFeatures.Following] == 1;
            yield return (features, [click, false, false, false, false]);
        }
    }
}
