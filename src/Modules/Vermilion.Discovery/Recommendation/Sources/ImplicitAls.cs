using System.Numerics.Tensors;

namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>The alternating least squares solver behind <see cref="FactorizationSettings"/>.</summary>
internal static class ImplicitAls
{
    /// <summary>Trains and returns the item factors (row-major, items × factors).</summary>
    public static float[] Train(InteractionLog log, FactorizationSettings settings, TrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var k = settings.Factors;
        var random = new Random(options.Seed);
        var users = new float[log.UserCount * k];
        var items = new float[log.ItemCount * k];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (float)(random.NextDouble() - 0.5) * 0.1f;
        }

        var occurrences = ItemOccurrences.Build(log);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        for (var iteration = 0; iteration < settings.Iterations; iteration++)
        {
            var itemGramian = Gramian(items, k);
            Parallel.For(0, log.UserCount, parallel, u =>
            {
                var history = log.Users[u];
                Solve(items, itemGramian, history.Items, history.Weights, settings, users.AsSpan(u * k, k));
            });

            var userGramian = Gramian(users, k);
            Parallel.For(0, log.ItemCount, parallel, i =>
            {
                var from = occurrences.Offsets[i];
                var count = occurrences.Offsets[i + 1] - from;
                var people = occurrences.Users.AsSpan(from, count).ToArray();
                var weights = new float[count];
                for (var o = 0; o < count; o++)
                {
                    weights[o] = log.Users[people[o]].Weights[occurrences.Positions[from + o]];
                }

                Solve(users, userGramian, people, weights, settings, items.AsSpan(i * k, k));
            });
        }

        return items;
    }

    /// <summary>VᵀV over all rows of a factor matrix: the "every other pair is a weak negative" term, computed once per sweep.</summary>
    public static double[] Gramian(float[] factors, int k)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var gramian = new double[k * k];
        var row = new double[k];
        for (var at = 0; at + k <= factors.Length; at += k)
        {
            for (var f = 0; f < k; f++)
            {
                row[f] = factors[at + f];
            }

            for (var r = 0; r < k; r++)
            {
                var span = gramian.AsSpan(r * k, k);
                TensorPrimitives.MultiplyAdd(row, row[r], span, span);
            }
        }

        return gramian;
    }

    /// <summary>Solves (VᵀV + Σ (c−1) v vᵀ + λI) x = Σ c v for one row, given the other side's factors.</summary>
    public static void Solve(float[] other, double[] gramian, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, FactorizationSettings settings, Span<float> result)
    {
        var k = settings.Factors;
        if (rows.Length == 0)
        {
            result.Clear();
            return;
        }

        var a = (double[])gramian.Clone();
        var b = new double[k];
        var v = new double[k];
        for (var n = 0; n < rows.Length; n++)
        {
            var at = rows[n] * k;
            for (var f = 0; f < k; f++)
            {
                v[f] = other[at + f];
            }

            var confidence = 1 + settings.Confidence * weights[n];
            for (var r = 0; r < k; r++)
            {
                var span = a.AsSpan(r * k, k);
                TensorPrimitives.MultiplyAdd(v, (confidence - 1) * v[r], span, span);
            }

            TensorPrimitives.MultiplyAdd(v, confidence, b, b);
        }

        for (var f = 0; f < k; f++)
        {
            a[f * k + f] += settings.Regularization;
        }

        Cholesky.SolveInPlace(a, b, k);
        for (var f = 0; f < k; f++)
        {
            result[f] = (float)b[f];
        }
    }
}
