using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation.Protocols;

/// <summary>
/// Random per-person stratified split, as Microsoft Recommenders' <c>python_stratified_split</c>: each person's
/// interactions are shuffled and 75% kept for training (in their original time order); the rest are the targets,
/// ranked among every item the person did not train on. Top-10 MAP, NDCG, precision and recall.
/// </summary>
internal static class RandomSplit
{
    public const double TrainShare = 0.75;

    public static EvaluationSplit Split(InteractionLog log, int seed)
    {
        ArgumentNullException.ThrowIfNull(log);
        var random = new Random(seed);
        var train = new UserHistory[log.UserCount];
        var cases = new List<EvaluationCase>();
        foreach (var history in log.Users)
        {
            var positions = Enumerable.Range(0, history.Count).ToArray();
            random.Shuffle(positions);
            var keep = (int)Math.Round(history.Count * TrainShare, MidpointRounding.AwayFromZero);
            var held = positions.Skip(keep).ToHashSet();
            var kept = history.Without(held);
            train[history.User] = kept;
            var seen = kept.Items.ToHashSet();
            var targets = held.Order().Select(p => history.Items[p]).Where(i => !seen.Contains(i)).Distinct().ToArray();
            if (targets.Length > 0)
            {
                cases.Add(new EvaluationCase(kept, targets));
            }
        }

        return new EvaluationSplit("random-split", new InteractionLog(log.ItemCount, train), cases, Metric.RandomSplit, ValidationHoldout.RandomItems, 1 - TrainShare);
    }
}
