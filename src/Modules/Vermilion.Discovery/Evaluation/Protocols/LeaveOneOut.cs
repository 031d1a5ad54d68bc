using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation.Protocols;

/// <summary>
/// Leave-one-out with full ranking, as in the S3-Rec paper: each person's last item is the test target and
/// everything before it is both what the model trains on and the history it ranks from (so the second-to-last item,
/// the paper's validation target, is training data here and the trainer's own validation target). Every item is
/// ranked except the person's history.
/// </summary>
internal static class LeaveOneOut
{
    public static EvaluationSplit Split(InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var train = new UserHistory[log.UserCount];
        var cases = new List<EvaluationCase>();
        foreach (var history in log.Users)
        {
            if (history.Count < 2)
            {
                train[history.User] = history;
                continue;
            }

            var before = history.Take(history.Count - 1);
            train[history.User] = before;
            cases.Add(new EvaluationCase(before, [history.Items[^1]]));
        }

        return new EvaluationSplit("loo-full", new InteractionLog(log.ItemCount, train), cases, Metric.LeaveOneOut, ValidationHoldout.LastItem, 0);
    }
}
