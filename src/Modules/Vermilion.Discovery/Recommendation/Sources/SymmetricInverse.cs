using System.Numerics.Tensors;

namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// Inverts a dense symmetric positive-definite matrix (row-major, n × n, single precision) in place of a second
/// buffer: a blocked right-looking Cholesky factorization G = L Lᵀ, the triangular inverse M = L⁻¹, then
/// G⁻¹ = Mᵀ M. Every inner loop is a contiguous dot product over SIMD spans; rows are spread over cores.
/// </summary>
internal static class SymmetricInverse
{
    private const int Block = 96;

    /// <summary>Overwrites <paramref name="matrix"/> with its inverse; <paramref name="scratch"/> must hold n × n values.</summary>
    public static void Invert(float[] matrix, float[] scratch, int n, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(scratch);
        Factor(matrix, n, parallel);
        MirrorLowerToUpper(matrix, n);
        InvertLower(matrix, scratch, n, parallel);
        Transpose(scratch, n);
        GramOfUpper(scratch, matrix, n, parallel);
    }

    /// <summary>Blocked Cholesky: the lower triangle of <paramref name="a"/> becomes L.</summary>
    public static void Factor(float[] a, int n, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(a);
        for (var start = 0; start < n; start += Block)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(n, start + Block);

            // The diagonal block, unblocked.
            for (var j = start; j < end; j++)
            {
                var rowJ = a.AsSpan(j * n + start, j - start);
                var diagonal = a[j * n + j] - TensorPrimitives.Dot<float>(rowJ, rowJ);
                if (diagonal <= 0)
                {
                    throw new InvalidOperationException("The item Gram matrix is not positive definite; raise the regularization.");
                }

                a[j * n + j] = MathF.Sqrt(diagonal);
                for (var i = j + 1; i < end; i++)
                {
                    a[i * n + j] = (a[i * n + j] - TensorPrimitives.Dot<float>(a.AsSpan(i * n + start, j - start), rowJ)) / a[j * n + j];
                }
            }

            // The panel below it: each row solves against the block's triangle, then updates its trailing row.
            Parallel.For(end, n, parallel, i =>
            {
                var row = a.AsSpan(i * n, n);
                for (var j = start; j < end; j++)
                {
                    row[j] = (row[j] - TensorPrimitives.Dot<float>(row.Slice(start, j - start), a.AsSpan(j * n + start, j - start))) / a[j * n + j];
                }
            });
            Parallel.For(end, n, parallel, i =>
            {
                var panel = a.AsSpan(i * n + start, end - start);
                for (var j = end; j <= i; j++)
                {
                    a[i * n + j] -= TensorPrimitives.Dot<float>(panel, a.AsSpan(j * n + start, end - start));
                }
            });
        }
    }

    /// <summary>Stores Lᵀ in the unused upper triangle so that columns of L read as contiguous rows.</summary>
    private static void MirrorLowerToUpper(float[] a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    /// <summary>M = L⁻¹ row by row from M L = I: M[i,k] = (δ − Σ_{m&gt;k} M[i,m] L[m,k]) / L[k,k].</summary>
    private static void InvertLower(float[] l, float[] m, int n, ParallelOptions parallel)
    {
        Parallel.For(0, n, parallel, i =>
        {
            var row = m.AsSpan(i * n, n);
            row.Clear();
            row[i] = 1 / l[i * n + i];
            for (var k = i - 1; k >= 0; k--)
            {
                // L[m,k] for m in (k, i] is row k of the stored upper triangle (Lᵀ).
                row[k] = -TensorPrimitives.Dot<float>(row.Slice(k + 1, i - k), l.AsSpan(k * n + k + 1, i - k)) / l[k * n + k];
            }
        });
    }

    private static void Transpose(float[] a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                (a[i * n + j], a[j * n + i]) = (a[j * n + i], a[i * n + j]);
            }
        }
    }

    /// <summary>With U = Mᵀ upper triangular, (Mᵀ M)[i,j] = Σ_{k ≥ max(i,j)} U[i,k] U[j,k].</summary>
    private static void GramOfUpper(float[] u, float[] result, int n, ParallelOptions parallel)
    {
        Parallel.For(0, n, parallel, i =>
        {
            var rowI = u.AsSpan(i * n + i, n - i);
            for (var j = 0; j <= i; j++)
            {
                result[i * n + j] = TensorPrimitives.Dot<float>(rowI, u.AsSpan(j * n + i, n - i));
            }
        });
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                result[j * n + i] = result[i * n + j];
            }
        }
    }
}
