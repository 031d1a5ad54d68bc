namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>Counts weighted item pairs per source item and keeps each item's strongest normalised neighbours.</summary>
internal static class ItemToItemSimilarity
{
    public static ItemNeighbours Build(InteractionLog log, ItemToItemSettings settings, TrainingOptions options, CancellationToken cancellationToken)
    {
        var occurrences = ItemOccurrences.Build(log);
        var counts = log.ItemCounts;
        var rows = new (int[] Items, float[] Weights)[log.ItemCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, log.ItemCount, parallel, () => new PairCounter(log.ItemCount), (item, _, counter) =>
        {
            rows[item] = counter.Row(item, log, occurrences, counts, settings);
            return counter;
        }, _ => { });
        return ItemNeighbours.FromRows(rows);
    }

    /// <summary>A dense scratch row reused across items on one thread.</summary>
    private sealed class PairCounter(int itemCount)
    {
        private readonly float[] row = new float[itemCount];
        private readonly List<int> touched = [];

        public (int[] Items, float[] Weights) Row(int item, InteractionLog log, ItemOccurrences occurrences, int[] counts, ItemToItemSettings settings)
        {
            for (var o = occurrences.Offsets[item]; o < occurrences.Offsets[item + 1]; o++)
            {
                var history = log.Users[occurrences.Users[o]].Items;
                var at = occurrences.Positions[o];
                var last = (int)Math.Min(history.Length - 1, (long)at + settings.Window);
                var weight = 1.0f;
                for (var p = at + 1; p <= last; p++, weight *= (float)settings.PairDecay)
                {
                    Add(history[p], weight);
                }

                if (settings.Direction == PairDirection.Both)
                {
                    var first = (int)Math.Max(0, (long)at - settings.Window);
                    weight = 1.0f;
                    for (var p = at - 1; p >= first; p--, weight *= (float)settings.PairDecay)
                    {
                        Add(history[p], weight);
                    }
                }
            }

            var candidates = new List<(int Item, float Weight)>(touched.Count);
            foreach (var other in touched)
            {
                if (other != item)
                {
                    var norm = Math.Pow(counts[item], settings.Alpha) * Math.Pow(counts[other], 1 - settings.Alpha);
                    candidates.Add((other, (float)(row[other] / norm)));
                }

                row[other] = 0;
            }

            touched.Clear();
            candidates.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            var kept = candidates.Count > settings.Neighbours ? candidates.GetRange(0, settings.Neighbours) : candidates;
            return ([.. kept.Select(c => c.Item)], [.. kept.Select(c => c.Weight)]);
        }

        private void Add(int other, float weight)
        {
            if (row[other] == 0)
            {
                touched.Add(other);
            }

            row[other] += weight;
        }
    }
}
