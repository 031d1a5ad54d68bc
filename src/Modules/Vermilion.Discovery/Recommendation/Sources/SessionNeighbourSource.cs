using System.Buffers;

namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// Sequence-aware person-to-person neighbours (in the spirit of V-SKNN and STAN): the last
/// <see cref="RecentItems"/> of a history, weighted towards the most recent, find the people who share them; each
/// neighbour recommends its items, more strongly the closer they sit to the shared item in the neighbour's own
/// sequence (<see cref="Spread"/> steps for a factor of e; zero turns this off).
/// </summary>
internal sealed record SessionNeighbourSettings(int RecentItems, int Neighbours, double Spread, double RecencyDecay) : SourceSettings
{
    public override string Source => "sknn";

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken) =>
        new SessionNeighbourSource(this, log, ItemOccurrences.Build(log));

    public static IReadOnlyList<SourceSettings> Grid() =>
    [
        new SessionNeighbourSettings(10, 100, 0, 0.8),
        new SessionNeighbourSettings(10, 300, 3, 0.8),
        new SessionNeighbourSettings(30, 300, 0, 0.95),
        new SessionNeighbourSettings(5, 300, 2, 0.6),
        new SessionNeighbourSettings(50, 500, 0, 1.0),
    ];
}

internal sealed class SessionNeighbourSource(SessionNeighbourSettings settings, InteractionLog log, ItemOccurrences occurrences) : IRecallSource
{
    public string Name => settings.Source;

    public void Score(UserHistory history, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(history);
        scores.Clear();
        var similarity = ArrayPool<float>.Shared.Rent(log.UserCount);
        var anchor = ArrayPool<int>.Shared.Rent(log.UserCount);
        var touched = new List<int>();
        similarity.AsSpan(0, log.UserCount).Clear();
        try
        {
            var weight = 1.0;
            var oldest = Math.Max(0, history.Count - settings.RecentItems);
            for (var p = history.Count - 1; p >= oldest; p--, weight *= settings.RecencyDecay)
            {
                var item = history.Items[p];
                if ((uint)item >= (uint)log.ItemCount)
                {
                    continue;
                }

                // Rare shared items say more about taste than popular ones.
                var idf = (float)(weight * Math.Log(1 + (double)log.UserCount / Math.Max(1, occurrences.CountOf(item))));
                for (var o = occurrences.Offsets[item]; o < occurrences.Offsets[item + 1]; o++)
                {
                    var other = occurrences.Users[o];
                    if (other == history.User)
                    {
                        continue;
                    }

                    if (similarity[other] == 0)
                    {
                        touched.Add(other);
                        anchor[other] = occurrences.Positions[o];
                    }
                    else
                    {
                        anchor[other] = Math.Max(anchor[other], occurrences.Positions[o]);
                    }

                    similarity[other] += idf;
                }
            }

            var neighbours = touched
                .Select(u => (User: u, Weight: similarity[u] / (float)Math.Sqrt(log.Users[u].Count)))
                .OrderByDescending(n => n.Weight)
                .Take(settings.Neighbours);
            foreach (var (user, w) in neighbours)
            {
                var items = log.Users[user].Items;
                for (var p = 0; p < items.Length; p++)
                {
                    var distance = Math.Abs(p - anchor[user]);
                    var closeness = settings.Spread > 0 ? (float)Math.Exp(-distance / settings.Spread) : 1f;
                    scores[items[p]] += w * closeness;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(similarity);
            ArrayPool<int>.Shared.Return(anchor);
        }
    }
}
