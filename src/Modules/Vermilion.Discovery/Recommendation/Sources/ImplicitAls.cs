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
            var itemGramian = ToSingle(Gramian(items, k));
            Parallel.For(0, log.UserCount, parallel, u =>
            {
                var history = log.Users[u];
                Refine(items, itemGramian, history.Items, history.Weights, settings, users.AsSpan(u * k, k));
            });

            var userGramian = ToSingle(Gramian(users, k));
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

                Refine(users, userGramian, people, weights, settings, items.AsSpan(i * k, k));
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

    /// <summary>
    /// Improves one row in place with a few conjugate-gradient steps on the same system <see cref="Solve"/> solves
    /// exactly (Takács, Pilászy and Tikk): each step costs k² + |rows|·k instead of a k³ factorization, and
    /// starting from the previous sweep's row, three steps are enough.
    /// </summary>
    public static void Refine(float[] other, float[] gramian, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, FactorizationSettings settings, Span<float> x)
    {
        var k = settings.Factors;
        var b = new float[k];
        for (var n = 0; n < rows.Length; n++)
        {
            TensorPrimitives.MultiplyAdd(other.AsSpan(rows[n] * k, k), (float)(1 + settings.Confidence * weights[n]), b, b);
        }

        var r = new float[k];
        var p = new float[k];
        var product = new float[k];
        Multiply(other, gramian, rows, weights, settings, x, product);
        TensorPrimitives.Subtract(b, product, r);
        r.CopyTo(p, 0);
        var residual = TensorPrimitives.Dot<float>(r, r);
        for (var step = 0; step < ConjugateSteps && residual > 1e-12f; step++)
        {
            Multiply(other, gramian, rows, weights, settings, p, product);
            var alpha = residual / TensorPrimitives.Dot<float>(p, product);
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(product, -alpha, r, r);
            var next = TensorPrimitives.Dot<float>(r, r);
            TensorPrimitives.MultiplyAdd(p, next / residual, r, p);
            residual = next;
        }
    }

    private const int ConjugateSteps = 3;

    /// <summary>(VᵀV + Σ (c−1) v vᵀ + λI) · vector, without forming the matrix.</summary>
    private static void Multiply(float[] other, float[] gramian, ReadOnlySpan<int> rows, ReadOnlySpan<float> weights, FactorizationSettings settings, ReadOnlySpan<float> vector, Span<float> result)
    {
        var k = settings.Factors;
        for (var f = 0; f < k; f++)
        {
            result[f] = TensorPrimitives.Dot(gramian.AsSpan(f * k, k), vector) + (float)settings.Regularization * vector[f];
        }

        for (var n = 0; n < rows.Length; n++)
        {
            var row = other.AsSpan(rows[n] * k, k);
            var extra = (float)(settings.Confidence * weights[n]) * TensorPrimitives.Dot(row, vector);
            TensorPrimitives.MultiplyAdd(row, extra, result, result);
        }
    }

    private static float[] ToSingle(double[] values) => [.. values.Select(v => (float)v)];

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
