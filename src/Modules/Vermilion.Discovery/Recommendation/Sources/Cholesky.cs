using System.Numerics.Tensors;

namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>Small dense symmetric positive-definite solves (factor sizes), in double for stability.</summary>
internal static class Cholesky
{
    /// <summary>Overwrites <paramref name="a"/> (n × n, row-major) with its Cholesky factor and <paramref name="b"/> with the solution.</summary>
    public static void SolveInPlace(double[] a, double[] b, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.AsSpan(j * n, j);
            var diagonal = a[j * n + j] - TensorPrimitives.Dot<double>(rowJ, rowJ);
            if (diagonal <= 0)
            {
                throw new InvalidOperationException("The system is not positive definite.");
            }

            var root = Math.Sqrt(diagonal);
            a[j * n + j] = root;
            for (var i = j + 1; i < n; i++)
            {
                a[i * n + j] = (a[i * n + j] - TensorPrimitives.Dot<double>(a.AsSpan(i * n, j), rowJ)) / root;
            }
        }

        // L y = b, then Lᵀ x = y.
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot<double>(a.AsSpan(i * n, i), b.AsSpan(0, i))) / a[i * n + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var r = i + 1; r < n; r++)
            {
                sum -= a[r * n + i] * b[r];
            }

            b[i] = sum / a[i * n + i];
        }
    }
}
