namespace Vermilion.Discovery.Recommendation;

/// <summary>Chooses a recall source's settings: every point of its grid is fitted and scored on validation queries.</summary>
internal static class SourceTuning
{
    public static (SourceSettings Best, IRecallSource Source, double Ndcg) Tune(
        string name, InteractionLog fit, IReadOnlyList<RankingQuery> queries, TrainingOptions options, ParallelOptions parallel,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fit);
        (SourceSettings Best, IRecallSource Source, double Ndcg)? best = null;
        foreach (var settings in SourceCatalog.GridOf(name, options))
        {
            var source = settings.Fit(fit, options, cancellationToken);
            var ndcg = ValidationScore.Ndcg(source, queries, fit.ItemCounts, parallel);
            progress?.Report($"{name}: validation NDCG@{ValidationScore.CutOff} {ndcg:F4} for {settings}");
            if (best is null || ndcg > best.Value.Ndcg)
            {
                best = (settings, source, ndcg);
            }
        }

        return best ?? throw new ArgumentException($"The source {name} has no settings to try.", nameof(name));
    }
}
