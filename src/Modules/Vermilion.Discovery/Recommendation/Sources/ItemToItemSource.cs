namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>Which pairs of a person's items count as related.</summary>
internal enum PairDirection
{
    /// <summary>Either order: "bought together" co-occurrence.</summary>
    Both,

    /// <summary>Only the later item after the earlier: next-item transitions, where order matters.</summary>
    Forward,
}

/// <summary>
/// Item-to-item similarity from co-occurrence within a person's history: pairs at most <see cref="Window"/> steps
/// apart count, closer pairs more (<see cref="PairDecay"/> per extra step); counts are normalised by both items'
/// popularity (<see cref="Alpha"/> leans the normalisation towards the source item). A history is scored from its
/// last items, each weighted <see cref="HistoryDecay"/> per step back, because recent interest predicts best.
/// </summary>
internal sealed record ItemToItemSettings(
    string Name, PairDirection Direction, int Window, double PairDecay, double Alpha, double HistoryDecay, int Neighbours = 200, int RecentItems = 30)
    : SourceSettings
{
    public override string Source => Name;

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken) =>
        new ItemToItemSource(this, ItemToItemSimilarity.Build(log, this, options, cancellationToken));

    public static IReadOnlyList<SourceSettings> CooccurrenceGrid() =>
    [
        new ItemToItemSettings("itemknn", PairDirection.Both, int.MaxValue, 1.0, 0.5, 0.7),
        new ItemToItemSettings("itemknn", PairDirection.Both, int.MaxValue, 1.0, 0.5, 0.95),
        new ItemToItemSettings("itemknn", PairDirection.Both, int.MaxValue, 1.0, 0.8, 0.7),
        new ItemToItemSettings("itemknn", PairDirection.Both, 10, 0.8, 0.5, 0.7),
        new ItemToItemSettings("itemknn", PairDirection.Both, 3, 0.7, 0.5, 0.5),
        new ItemToItemSettings("itemknn", PairDirection.Both, 3, 0.7, 0.8, 0.5),
    ];

    public static IReadOnlyList<SourceSettings> TransitionGrid() =>
    [
        new ItemToItemSettings("transitions", PairDirection.Forward, 1, 1.0, 0.5, 0.3),
        new ItemToItemSettings("transitions", PairDirection.Forward, 1, 1.0, 0.8, 0.3),
        new ItemToItemSettings("transitions", PairDirection.Forward, 3, 0.5, 0.5, 0.3),
        new ItemToItemSettings("transitions", PairDirection.Forward, 3, 0.5, 0.8, 0.5),
        new ItemToItemSettings("transitions", PairDirection.Forward, 5, 0.7, 0.8, 0.7),
        new ItemToItemSettings("transitions", PairDirection.Forward, 2, 0.5, 1.0, 0.3),
    ];
}

internal sealed class ItemToItemSource(ItemToItemSettings settings, ItemNeighbours neighbours) : IRecallSource
{
    public string Name => settings.Name;

    public ItemToItemSettings Settings => settings;

    public ItemNeighbours Neighbours => neighbours;

    public void Score(UserHistory history, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(history);
        scores.Clear();
        var weight = 1.0;
        var oldest = Math.Max(0, history.Count - settings.RecentItems);
        for (var p = history.Count - 1; p >= oldest; p--, weight *= settings.HistoryDecay)
        {
            var item = history.Items[p];
            if ((uint)item >= (uint)neighbours.ItemCount)
            {
                continue;
            }

            var items = neighbours.ItemsOf(item);
            var weights = neighbours.WeightsOf(item);
            var w = (float)(weight * history.Weights[p]);
            for (var n = 0; n < items.Length; n++)
            {
                scores[items[n]] += w * weights[n];
            }
        }
    }
}
