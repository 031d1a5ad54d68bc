using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// Trains a recommender from an interaction log: holds back validation queries, chooses each source's settings on
/// them, learns the ranker that blends the sources on them (features from sources fitted without the held-back
/// part), keeps the blend only if it beats every source alone on held-out validation queries, then refits on the
/// whole log. The discovery feed and the offline evaluation both call this.
/// </summary>
internal static class RecommenderTrainer
{
    public static RecommenderModel Train(InteractionLog log, TrainingOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var active = SourceCatalog.Active(options);
        if (active.Count == 0)
        {
            throw new ArgumentException("No recall source applies to these options.", nameof(options));
        }

        var (fit, queries) = Holdout.Split(log, options);
        progress?.Report($"validation: {queries.Count} queries held out of {log.UserCount} people");
        var tuningQueries = queries.Take(options.MaxTuningQueries).ToList();
        var tuned = new List<TunedSource>();
        var fitted = new List<IRecallSource>();
        foreach (var name in active)
        {
            var (best, source, ndcg) = SourceTuning.Tune(name, fit, tuningQueries, options, parallel, progress, cancellationToken);
            tuned.Add(new TunedSource(name, best, ndcg));
            fitted.Add(source);
        }

        if (!options.LearnRanker || active.Count == 1)
        {
            return Alone(active[0], tuned[0], log, options, queries.Count, tuned, progress, cancellationToken);
        }

        var rounds = ValidationRounds.Build(log, (fit, queries), fitted, tuned, options, progress, cancellationToken);
        var generator = new CandidateGenerator(fitted, fit.ItemCounts, options.CandidatesPerSource);
        var (train, eval) = ValidationRounds.RankingSets(rounds, options, parallel, progress);
        var (ranker, rankerNdcg) = LambdaMart.Train(train, eval, options.Ranker, options.MaxDegreeOfParallelism, progress, cancellationToken);
        progress?.Report($"ranker: {ranker.TreeCount} trees, held-out NDCG@{options.Ranker.CutOff} {rankerNdcg:F4}");

        // The blend must earn its place: on the first round's held-out fifth, against each source alone.
        var heldOut = queries.Where((_, q) => q % 5 == 4).ToList();
        var blend = new RecommenderModel("blend", fitted, ranker, fit.ItemCounts, options.CandidatesPerSource, Empty(0));
        var blendNdcg = ValidationScore.Ndcg(blend, heldOut, parallel);
        var bestAlone = Enumerable.Range(0, fitted.Count)
            .Select(s => (Index: s, Ndcg: ValidationScore.Ndcg(fitted[s], heldOut, fit.ItemCounts, parallel)))
            .MaxBy(s => s.Ndcg);
        progress?.Report($"held-out validation NDCG@{ValidationScore.CutOff}: blend {blendNdcg:F4}, best source alone ({active[bestAlone.Index]}) {bestAlone.Ndcg:F4}");
        if (bestAlone.Ndcg > blendNdcg)
        {
            return Alone("vermilion", tuned[bestAlone.Index], log, options, queries.Count, tuned, progress, cancellationToken);
        }

        var refitted = new List<IRecallSource>();
        foreach (var source in tuned)
        {
            progress?.Report($"refitting {source.Name} on the whole log");
            refitted.Add(source.Settings.Fit(log, options, cancellationToken));
        }

        var report = new TrainingReport(queries.Count, tuned, ranker.TreeCount, blendNdcg, generator.FeatureNames);
        return new RecommenderModel("vermilion", refitted, ranker, log.ItemCounts, options.CandidatesPerSource, report);
    }

    private static RecommenderModel Alone(
        string name, TunedSource source, InteractionLog log, TrainingOptions options, int queryCount, List<TunedSource> tuned,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"refitting {source.Name} on the whole log, alone");
        var alone = source.Settings.Fit(log, options, cancellationToken);
        return new RecommenderModel(name, [alone], null, log.ItemCounts, options.CandidatesPerSource, new TrainingReport(queryCount, tuned, 0, 0, []));
    }

    private static TrainingReport Empty(int queries) => new(queries, [], 0, 0, []);
}
