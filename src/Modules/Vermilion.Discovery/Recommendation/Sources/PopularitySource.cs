namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// Popularity, optionally leaning to what is popular now: each interaction counts <see cref="TailDecay"/> per step
/// before the end of its person's history, so items people moved on to recently outweigh old favourites. A decay of
/// one is plain popularity. Scores are the same for everyone; the ranker uses them as a prior.
/// </summary>
internal sealed record PopularitySettings(string Name, double TailDecay) : SourceSettings
{
    public override string Source => Name;

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var scores = new float[log.ItemCount];
        foreach (var user in log.Users)
        {
            var weight = 1.0;
            for (var p = user.Count - 1; p >= 0; p--, weight *= TailDecay)
            {
                scores[user.Items[p]] += (float)weight;
            }
        }

        return new PopularitySource(Name, scores);
    }

    public static IReadOnlyList<SourceSettings> TrendingGrid() =>
        [new PopularitySettings("trending", 0.5), new PopularitySettings("trending", 0.8), new PopularitySettings("trending", 0.95)];
}

internal sealed class PopularitySource(string name, float[] popularity) : IRecallSource
{
    public string Name => name;

    public void Score(UserHistory history, Span<float> scores) => popularity.CopyTo(scores);
}
