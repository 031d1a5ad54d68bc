using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// Trains a recommender from an interaction log: holds back validation queries, chooses each source's settings on
/// them, learns the ranker that blends the sources on them (features from sources fitted without the held-back
/// part), then refits the sources on the whole log. The discovery feed and the offline evaluation both call this.
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
            var (best, source, ndcg) = Tune(name, fit, tuningQueries, options, parallel, progress, cancellationToken);
            tuned.Add(new TunedSource(name, best, ndcg));
            fitted.Add(source);
        }

        if (!options.LearnRanker || active.Count == 1)
        {
            progress?.Report($"refitting {active[0]} on the whole log");
            var alone = tuned[0].Settings.Fit(log, options, cancellationToken);
            return new RecommenderModel(active[0], [alone], null, log.ItemCounts, options.CandidatesPerSource, new TrainingReport(queries.Count, tuned, 0, 0, []));
        }

        var generator = new CandidateGenerator(fitted, fit.ItemCounts, options.CandidatesPerSource);
        var (train, eval) = RankingSets(generator, queries, parallel, progress);
        var (ranker, rankerNdcg) = LambdaMart.Train(train, eval, options.Ranker, options.MaxDegreeOfParallelism, progress, cancellationToken);
        progress?.Report($"ranker: {ranker.TreeCount} trees, held-out NDCG@{options.Ranker.CutOff} {rankerNdcg:F4}");

        var refitted = new List<IRecallSource>();
        foreach (var source in tuned)
        {
            progress?.Report($"refitting {source.Name} on the whole log");
            refitted.Add(source.Settings.Fit(log, options, cancellationToken));
        }

        var report = new TrainingReport(queries.Count, tuned, ranker.TreeCount, rankerNdcg, generator.FeatureNames);
        return new RecommenderModel("vermilion", refitted, ranker, log.ItemCounts, options.CandidatesPerSource, report);
    }

    private static (SourceSettings Best, IRecallSource Source, double Ndcg) Tune(
        string name, InteractionLog fit, IReadOnlyList<RankingQuery> queries, TrainingOptions options, ParallelOptions parallel,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var grid = SourceCatalog.GridOf(name, options);
        (SourceSettings Best, IRecallSource Source, double Ndcg)? best = null;
        foreach (var settings in grid)
        {
            var source = settings.Fit(fit, options, cancellationToken);
            var ndcg = ValidationScore.Ndcg(source, queries, fit.ItemCounts, parallel);
            progress?.Report($"{name}: validation NDCG@{ValidationScore.CutOff} {ndcg:F4} for {settings}");
            if (best is null || ndcg > best.Value.Ndcg)
            {
                best = (settings, source, ndcg);
            }
        }

        return best!.Value;
    }

    /// <summary>
    /// Candidate lists for the validation queries: four in five train the ranker, the fifth decides when it stops.
    /// Queries whose targets no source recalled teach a ranker nothing and are left out.
    /// </summary>
    private static (RankingData Train, RankingData Eval) RankingSets(
        CandidateGenerator generator, IReadOnlyList<RankingQuery> queries, ParallelOptions parallel, IProgress<string>? progress)
    {
        var lists = new (float[] Features, float[] Labels)?[queries.Count];
        var done = 0;
        Parallel.For(0, queries.Count, parallel, q =>
        {
            var query = queries[q];
            var set = generator.Generate(query.History, null);
            var targets = query.Targets.ToHashSet();
            var labels = set.Items.Select(i => targets.Contains(i) ? 1f : 0f).ToArray();
            if (labels.Any(l => l > 0))
            {
                lists[q] = (set.Features, labels);
            }

            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                progress?.Report($"ranking candidates: {done} of {queries.Count} queries");
            }
        });

        var train = new List<(float[], float[])>();
        var eval = new List<(float[], float[])>();
        for (var q = 0; q < lists.Length; q++)
        {
            if (lists[q] is { } list)
            {
                (q % 5 == 4 ? eval : train).Add(list);
            }
        }

        var recalled = train.Count + eval.Count;
        progress?.Report($"ranking candidates: targets recalled for {recalled} of {queries.Count} queries ({(double)recalled / Math.Max(1, queries.Count):P1})");
        return (RankingData.FromQueries(generator.FeatureCount, train), RankingData.FromQueries(generator.FeatureCount, eval));
    }
}
