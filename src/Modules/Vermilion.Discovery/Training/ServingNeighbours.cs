using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Training;

/// <summary>
/// The item-to-item neighbours serving keeps: the trained model's co-occurrence neighbours when it has them (else
/// fitted here with the engine's first co-occurrence setting), cut to each note's strongest few.
/// </summary>
internal static class ServingNeighbours
{
    public const int PerNote = 20;

    public static ItemNeighbours From(RecommenderModel? model, InteractionLog log, TrainingOptions options, CancellationToken cancellationToken)
    {
        var trained = model?.Sources.OfType<ItemToItemSource>().FirstOrDefault(s => s.Settings.Direction == PairDirection.Both)?.Neighbours
            ?? ItemToItemSimilarity.Build(log, (ItemToItemSettings)ItemToItemSettings.CooccurrenceGrid()[0], options, cancellationToken);
        var rows = new (int[] Items, float[] Weights)[trained.ItemCount];
        for (var item = 0; item < rows.Length; item++)
        {
            var items = trained.ItemsOf(item);
            var weights = trained.WeightsOf(item);
            var take = Math.Min(PerNote, items.Length);
            rows[item] = (items[..take].ToArray(), weights[..take].ToArray());
        }

        return ItemNeighbours.FromRows(rows);
    }

    /// <summary>How strongly <paramref name="from"/> points to <paramref name="to"/> (0 if not among its neighbours).</summary>
    public static float Weight(ItemNeighbours neighbours, int from, int to)
    {
        if ((uint)from >= (uint)neighbours.ItemCount)
        {
            return 0;
        }

        var items = neighbours.ItemsOf(from);
        for (var n = 0; n < items.Length; n++)
        {
            if (items[n] == to)
            {
                return neighbours.WeightsOf(from)[n];
            }
        }

        return 0;
    }
}
