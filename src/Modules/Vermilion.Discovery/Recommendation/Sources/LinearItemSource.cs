namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// EASE, the closed-form linear item-to-item model (Steck, 2019): B = I − P·diag(1/diag P) with
/// P = (XᵀX + λI)⁻¹, which learns how every item predicts every other from the whole catalog at once rather than
/// pair by pair. λ is <see cref="Regularization"/> times the mean item count. The inverse is dense, so the model
/// covers the <see cref="MaxItems"/> most popular items; a history is weighted <see cref="HistoryDecay"/> per step back.
/// </summary>
internal sealed record LinearItemSettings(double Regularization, double HistoryDecay, int MaxItems = 4000) : SourceSettings
{
    public override string Source => "ease";

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var counts = log.ItemCounts;
        var covered = Enumerable.Range(0, log.ItemCount).Where(i => counts[i] > 0).OrderByDescending(i => counts[i]).ThenBy(i => i).Take(MaxItems).ToArray();
        var n = covered.Length;
        var slot = new int[log.ItemCount];
        Array.Fill(slot, -1);
        for (var s = 0; s < n; s++)
        {
            slot[covered[s]] = s;
        }

        var gram = new float[n * n];
        foreach (var user in log.Users)
        {
            var slots = user.Items.Select(i => slot[i]).Where(s => s >= 0).Distinct().ToArray();
            foreach (var a in slots)
            {
                foreach (var b in slots)
                {
                    gram[a * n + b] += 1;
                }
            }
        }

        var lambda = (float)(Regularization * Math.Max(1, covered.Average(i => (double)counts[i])));
        for (var s = 0; s < n; s++)
        {
            gram[s * n + s] += lambda;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var scratch = new float[n * n];
        SymmetricInverse.Invert(gram, scratch, n, parallel);

        // Row a of B says how much item a predicts each item b: −P[a,b] / P[b,b], nothing for itself.
        var weights = scratch;
        Parallel.For(0, n, parallel, a =>
        {
            for (var b = 0; b < n; b++)
            {
                weights[a * n + b] = a == b ? 0 : -gram[a * n + b] / gram[b * n + b];
            }
        });
        return new LinearItemSource(this, covered, slot, weights);
    }

    public static IReadOnlyList<SourceSettings> Grid() =>
        [new LinearItemSettings(3, 1.0), new LinearItemSettings(10, 1.0), new LinearItemSettings(3, 0.8)];
}

internal sealed class LinearItemSource(LinearItemSettings settings, int[] covered, int[] slot, float[] weights) : IRecallSource
{
    public string Name => settings.Source;

    public void Score(UserHistory history, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(history);
        scores.Clear();
        var n = covered.Length;
        var row = new float[n];
        var weight = 1.0f;
        var seen = new HashSet<int>();
        for (var p = history.Count - 1; p >= 0; p--, weight *= (float)settings.HistoryDecay)
        {
            var item = history.Items[p];
            if ((uint)item < (uint)slot.Length && slot[item] >= 0 && seen.Add(item))
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(weights.AsSpan(slot[item] * n, n), weight, row, row);
            }
        }

        for (var s = 0; s < n; s++)
        {
            scores[covered[s]] = row[s];
        }
    }
}
