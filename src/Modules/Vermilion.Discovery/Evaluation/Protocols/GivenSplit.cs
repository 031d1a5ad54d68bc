using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation.Protocols;

/// <summary>
/// The dataset's own train/test split, as in the LightGCN paper: train on the train file, and for each person in the
/// test file rank every item not in their training history; Recall@20 and NDCG@20 over all their test items.
/// </summary>
internal static class GivenSplit
{
    public static EvaluationSplit Split(InteractionLog train, InteractionLog test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var cases = new List<EvaluationCase>();
        foreach (var expected in test.Users)
        {
            var targets = expected.Items.Distinct().ToArray();
            if (targets.Length > 0)
            {
                cases.Add(new EvaluationCase(train.Users[expected.User], targets));
            }
        }

        return new EvaluationSplit("given-split", train, cases, Metric.GivenSplit, ValidationHoldout.RandomItems, 0.2);
    }
}
