using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Training;

/// <summary>
/// Learns the ranker from logged impressions: per objective, logistic regression by gradient descent, regularised
/// towards the prior weights rather than towards zero, so a few hundred impressions nudge the prior and a few
/// hundred thousand replace it. An objective with too few positive examples keeps its prior.
/// </summary>
internal static class RankerTraining
{
    public const int MinimumImpressions = 200;
    public const int MinimumPositives = 10;
    private const int MaxExamples = 500_000;
    private const int Iterations = 300;
    private const float LearningRate = 0.5f;

    public static ObjectiveModel Learn(IReadOnlyList<(float[] Features, bool[] Outcomes)> examples, IProgress<string>? progress)
    {
        var used = examples.Count > MaxExamples ? examples.Skip(examples.Count - MaxExamples).ToList() : examples;
        var weights = new float[ObjectiveModel.ObjectiveCount][];
        var trainedOn = new int[ObjectiveModel.ObjectiveCount];
        for (var o = 0; o < ObjectiveModel.ObjectiveCount; o++)
        {
            var prior = ObjectiveModel.PriorWeights((Objective)o);
            var positives = used.Count(e => e.Outcomes[o]);
            if (used.Count < MinimumImpressions || positives < MinimumPositives)
            {
                weights[o] = prior;
                progress?.Report($"ranker {(Objective)o}: prior ({used.Count} impressions, {positives} positive)");
                continue;
            }

            weights[o] = Fit(used, o, prior);
            trainedOn[o] = used.Count;
            progress?.Report($"ranker {(Objective)o}: learned from {used.Count} impressions, {positives} positive");
        }

        return new ObjectiveModel(weights, trainedOn);
    }

    private static float[] Fit(IReadOnlyList<(float[] Features, bool[] Outcomes)> examples, int objective, float[] prior)
    {
        var w = (float[])prior.Clone();
        var gradient = new float[w.Length];
        var n = examples.Count;
        var lambda = 10f / n;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            foreach (var (features, outcomes) in examples)
            {
                var z = w[0];
                for (var f = 0; f < features.Length && f + 1 < w.Length; f++)
                {
                    z += w[f + 1] * features[f];
                }

                var error = (1f / (1f + MathF.Exp(-z))) - (outcomes[objective] ? 1f : 0f);
                gradient[0] += error;
                for (var f = 0; f < features.Length && f + 1 < w.Length; f++)
                {
                    gradient[f + 1] += error * features[f];
                }
            }

            w[0] -= LearningRate * gradient[0] / n;
            for (var j = 1; j < w.Length; j++)
            {
                w[j] -= LearningRate * ((gradient[j] / n) + (lambda * (w[j] - prior[j])));
            }
        }

        return w;
    }
}
