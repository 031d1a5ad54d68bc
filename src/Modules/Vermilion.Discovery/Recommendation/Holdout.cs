namespace Vermilion.Discovery.Recommendation;

/// <summary>A history to recommend from and the items that truly came next (or were held back).</summary>
internal sealed record RankingQuery(UserHistory History, int[] Targets);

/// <summary>
/// Splits a training log into a part to fit on and validation queries to choose settings and the ranker on, so
/// that nothing the final evaluation or the live feed will be judged on is ever looked at while choosing.
/// </summary>
internal static class Holdout
{
    public static (InteractionLog Fit, IReadOnlyList<RankingQuery> Queries) Split(InteractionLog log, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var eligible = log.Users.Where(u => u.Count >= 2).Select(u => u.User).ToArray();
        random.Shuffle(eligible);
        var chosen = eligible.Take(options.MaxValidationUsers).ToHashSet();

        var users = new UserHistory[log.UserCount];
        var queries = new List<RankingQuery>(chosen.Count);
        foreach (var history in log.Users)
        {
            if (!chosen.Contains(history.User))
            {
                users[history.User] = history;
                continue;
            }

            var held = options.Holdout == ValidationHoldout.LastItem
                ? new HashSet<int> { history.Count - 1 }
                : RandomPositions(history.Count, options.HoldoutFraction, random);
            var kept = history.Without(held);
            users[history.User] = kept;
            var seen = kept.Items.ToHashSet();
            var targets = held.Order().Select(p => history.Items[p]).Where(i => !seen.Contains(i)).Distinct().ToArray();
            if (targets.Length > 0)
            {
                queries.Add(new RankingQuery(kept, targets));
            }
        }

        // Logs are often sorted by something that matters (sign-up time, activity); a subset taken from the front
        // would not represent everyone.
        var shuffled = queries.ToArray();
        random.Shuffle(shuffled);
        return (new InteractionLog(log.ItemCount, users), shuffled);
    }

    private static HashSet<int> RandomPositions(int count, double fraction, Random random)
    {
        var take = Math.Clamp((int)Math.Round(count * fraction), 1, count - 1);
        var positions = Enumerable.Range(0, count).ToArray();
        random.Shuffle(positions);
        return [.. positions.Take(take)];
    }
}
