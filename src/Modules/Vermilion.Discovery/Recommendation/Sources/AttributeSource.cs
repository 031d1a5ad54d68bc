namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// Content similarity from item attributes (brand, category, topic): a history's recent items build an attribute
/// profile, rare attributes count more, and items sharing the profile score. Only trained when attributes exist.
/// </summary>
internal sealed record AttributeSettings(int RecentItems, double RecencyDecay) : SourceSettings
{
    public override string Source => "attributes";

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var attributes = options.ItemAttributes ?? [];
        var attributeCount = attributes.Where(a => a is not null).SelectMany(a => a).DefaultIfEmpty(-1).Max() + 1;
        var holders = Enumerable.Range(0, attributeCount).Select(_ => new List<int>()).ToArray();
        for (var item = 0; item < Math.Min(log.ItemCount, attributes.Count); item++)
        {
            foreach (var attribute in (attributes[item] ?? []).Where(a => a >= 0).Distinct())
            {
                holders[attribute].Add(item);
            }
        }

        var weights = holders.Select(h => h.Count == 0 ? 0f : (float)Math.Log((double)log.ItemCount / h.Count)).ToArray();
        return new AttributeSource(this, [.. attributes.Take(log.ItemCount)], [.. holders.Select(h => h.ToArray())], weights);
    }

    public static IReadOnlyList<SourceSettings> Grid() => [new AttributeSettings(5, 0.6), new AttributeSettings(20, 0.9)];
}

internal sealed class AttributeSource(AttributeSettings settings, int[][] itemAttributes, int[][] holders, float[] attributeWeights) : IRecallSource
{
    public string Name => settings.Source;

    public void Score(UserHistory history, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(history);
        scores.Clear();
        var profile = new Dictionary<int, float>();
        var weight = 1.0;
        var oldest = Math.Max(0, history.Count - settings.RecentItems);
        for (var p = history.Count - 1; p >= oldest; p--, weight *= settings.RecencyDecay)
        {
            var item = history.Items[p];
            if ((uint)item < (uint)itemAttributes.Length && itemAttributes[item] is { } attributes)
            {
                foreach (var attribute in attributes)
                {
                    if ((uint)attribute < (uint)holders.Length)
                    {
                        profile[attribute] = profile.GetValueOrDefault(attribute) + (float)weight;
                    }
                }
            }
        }

        foreach (var (attribute, strength) in profile)
        {
            var w = strength * attributeWeights[attribute];
            foreach (var item in holders[attribute])
            {
                scores[item] += w;
            }
        }
    }
}
