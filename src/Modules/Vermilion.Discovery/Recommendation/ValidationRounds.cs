using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>One holdout round: a log to fit on, queries whose targets it lacks, and the sources fitted on it.</summary>
internal sealed record ValidationRound(InteractionLog Fit, IReadOnlyList<RankingQuery> Queries, IReadOnlyList<IRecallSource> Sources);

/// <summary>
/// Training data for the ranker. A large log gives enough queries in one round; a small one gets more rounds:
/// under a last-item holdout each round steps one item further back in everyone's history, under a random holdout
/// each round holds back another random share. Every round refits the sources (with the settings already chosen) so
/// that no feature was computed with knowledge of its own target.
/// </summary>
internal static class ValidationRounds
{
    public static IReadOnlyList<ValidationRound> Build(
        InteractionLog log, (InteractionLog Fit, IReadOnlyList<RankingQuery> Queries) first, IReadOnlyList<IRecallSource> fitted,
        IReadOnlyList<TunedSource> tuned, TrainingOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        var rounds = new List<ValidationRound> { new(first.Fit, first.Queries, fitted) };
        var wanted = Math.Clamp((int)Math.Ceiling((double)options.TargetRankingQueries / Math.Max(1, first.Queries.Count)), 1, options.MaxValidationRounds);
        for (var r = 1; r < wanted; r++)
        {
            var from = options.Holdout == ValidationHoldout.LastItem ? rounds[^1].Fit : log;
            var (fit, queries) = Holdout.Split(from, options with { Seed = options.Seed + r });
            if (queries.Count == 0)
            {
                break;
            }

            progress?.Report($"validation round {r + 1}: {queries.Count} more queries, refitting the sources without their targets");
            rounds.Add(new ValidationRound(fit, queries, [.. tuned.Select(t => t.Settings.Fit(fit, options, cancellationToken))]));
        }

        return rounds;
    }

    /// <summary>
    /// Candidate lists for every round's queries: four in five train the ranker, the fifth decides when it stops.
    /// Queries whose targets no source recalled teach a ranker nothing and are left out.
    /// </summary>
    public static (RankingData Train, RankingData Eval) RankingSets(
        IReadOnlyList<ValidationRound> rounds, TrainingOptions options, ParallelOptions parallel, IProgress<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var train = new List<(float[], float[])>();
        var eval = new List<(float[], float[])>();
        var featureCount = 0;
        var total = 0;
        foreach (var round in rounds)
        {
            var generator = new CandidateGenerator(round.Sources, round.Fit.ItemCounts, options.CandidatesPerSource);
            featureCount = generator.FeatureCount;
            var lists = new (float[] Features, float[] Labels)?[round.Queries.Count];
            Parallel.For(0, round.Queries.Count, parallel, q =>
            {
                var query = round.Queries[q];
                var set = generator.Generate(query.History, null);
                var targets = query.Targets.ToHashSet();
                var labels = set.Items.Select(i => targets.Contains(i) ? 1f : 0f).ToArray();
                if (labels.Any(l => l > 0))
                {
                    lists[q] = (set.Features, labels);
                }
            });

            for (var q = 0; q < lists.Length; q++)
            {
                if (lists[q] is { } list)
                {
                    (q % 5 == 4 ? eval : train).Add(list);
                }
            }

            total += round.Queries.Count;
        }

        var recalled = train.Count + eval.Count;
        progress?.Report($"ranking candidates: targets recalled for {recalled} of {total} queries ({(double)recalled / Math.Max(1, total):P1})");
        return (RankingData.FromQueries(featureCount, train), RankingData.FromQueries(featureCount, eval));
    }
}
