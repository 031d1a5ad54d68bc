using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Training;

/// <summary>
/// The ranker: one logistic model per objective (click, long dwell, like, collect, comment) over the candidate
/// features; the final score is their probabilities blended by the objectives' weights. Until enough impressions
/// are logged, each objective keeps sensible prior weights; learning pulls away from the prior only as far as the
/// data supports it.
/// </summary>
internal sealed class ObjectiveModel(float[][] weights, int[] trainedOn)
{
    public const int ObjectiveCount = 5;

    /// <summary>Per objective: the bias, then one weight per feature.</summary>
    public float[][] Weights { get; } = weights;

    /// <summary>Per objective: how many impressions it was learned from (0: the prior).</summary>
    public int[] TrainedOn { get; } = trainedOn;

    public static ObjectiveModel Prior { get; } = new([.. Enumerable.Range(0, ObjectiveCount).Select(o => PriorWeights((Objective)o))], new int[ObjectiveCount]);

    public float Probability(Objective objective, ReadOnlySpan<float> features)
    {
        var w = Weights[(int)objective];
        var z = w[0];
        for (var f = 0; f < features.Length && f + 1 < w.Length; f++)
        {
            z += w[f + 1] * features[f];
        }

        return 1f / (1f + MathF.Exp(-z));
    }

    /// <summary>The blended expected value of showing the note.</summary>
    public float Score(ReadOnlySpan<float> features, double[] blend)
    {
        var score = 0.0;
        for (var o = 0; o < ObjectiveCount; o++)
        {
            score += blend[o] * Probability((Objective)o, features);
        }

        return (float)score;
    }

    /// <summary>
    /// What a reasonable person would guess before any data: personal evidence (the engine's candidates, notes
    /// related to what you liked, people you follow, your searches, your channels) first, then quality and
    /// popularity, a little for freshness and place. Rarer outcomes start less likely.
    /// </summary>
    public static float[] PriorWeights(Objective objective)
    {
        var w = new float[FeedFeatures.Count + 1];
        w[0] = objective switch
        {
            Objective.Click => -3f,
            Objective.LongDwell => -3.5f,
            Objective.Like => -4f,
            Objective.Collect => -4.5f,
            _ => -5f,
        };
        w[1 + FeedFeatures.CacheScore] = 1.5f;
        w[1 + FeedFeatures.CacheRank] = 1f;
        w[1 + FeedFeatures.Related] = 1.5f;
        w[1 + FeedFeatures.Following] = objective == Objective.Comment ? 1.6f : 1.2f;
        w[1 + FeedFeatures.SameCity] = 0.3f;
        w[1 + FeedFeatures.Trending] = 0.8f;
        w[1 + FeedFeatures.Freshness] = 0.3f;
        w[1 + FeedFeatures.Taste] = 1f;
        w[1 + FeedFeatures.Interest] = 1f;
        w[1 + FeedFeatures.ChannelAffinity] = 1.5f;
        w[1 + FeedFeatures.AuthorAffinity] = 0.8f;
        w[1 + FeedFeatures.Engagement] = objective == Objective.Collect ? 1f : 0.5f;
        w[1 + FeedFeatures.SearchMatch] = 1.5f;
        w[1 + FeedFeatures.Video] = objective == Objective.LongDwell ? 0.3f : 0.1f;
        w[1 + FeedFeatures.Sources] = 0.5f;
        return w;
    }
}
