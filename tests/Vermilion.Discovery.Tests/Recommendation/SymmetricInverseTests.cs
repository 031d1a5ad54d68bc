using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Tests.Recommendation;

public sealed class SymmetricInverseTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(250)] // several blocks, a ragged last one
    public void Invert_TimesTheOriginal_IsTheIdentity(int n)
    {
        var random = new Random(n);
        var factors = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var original = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = i == j ? n / 4f : 0f;
                for (var k = 0; k < n; k++)
                {
                    sum += factors[i * n + k] * factors[j * n + k];
                }

                original[i * n + j] = sum;
            }
        }

        var inverse = (float[])original.Clone();
        SymmetricInverse.Invert(inverse, new float[n * n], n, new ParallelOptions { MaxDegreeOfParallelism = 2 });

        var worst = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var k = 0; k < n; k++)
                {
                    sum += (double)original[i * n + k] * inverse[k * n + j];
                }

                worst = Math.Max(worst, Math.Abs(sum - (i == j ? 1 : 0)));
            }
        }

        Assert.True(worst < 1e-3, $"largest deviation from the identity: {worst}");
    }

    [Fact]
    public void Invert_RefusesAMatrixThatIsNotPositiveDefinite()
    {
        float[] matrix = [1, 2, 2, 1];

        Assert.Throws<InvalidOperationException>(() => SymmetricInverse.Invert(matrix, new float[4], 2, new ParallelOptions()));
    }
}
