namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>
/// Quantile bins per feature, so a split search reads small histograms instead of sorting rows. Bin b holds values
/// at most <c>Thresholds[f][b]</c> (and above the previous threshold); the last bin holds everything larger.
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(float[][] thresholds, byte[][] bins)
    {
        Thresholds = thresholds;
        Bins = bins;
    }

    public float[][] Thresholds { get; }

    /// <summary>The bin of every row, feature by feature (column-major for fast histograms).</summary>
    public byte[][] Bins { get; }

    public int BinCount(int feature) => Thresholds[feature].Length + 1;

    public static FeatureBins Build(RankingData data, int maxBins, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var f = data.FeatureCount;
        var rows = data.RowCount;
        var random = new Random(seed);
        var sample = Enumerable.Range(0, Math.Min(rows, 50_000)).Select(_ => random.Next(rows)).ToArray();
        var thresholds = new float[f][];
        var bins = new byte[f][];
        for (var feature = 0; feature < f; feature++)
        {
            var values = sample.Select(r => data.Features[r * f + feature]).Order().ToArray();
            var distinct = values.Distinct().ToArray();
            // Few distinct values (counts, flags, "not proposed" zeros) each get a bin; otherwise quantiles do, so
            // a spike of equal values still gets its own boundary.
            var cuts = distinct.Length <= maxBins
                ? new SortedSet<float>(distinct)
                : new SortedSet<float>(Enumerable.Range(1, maxBins - 1).Select(q => values[(int)((long)q * values.Length / maxBins)]));
            if (distinct.Length > 0)
            {
                cuts.Remove(distinct[^1]);
            }

            thresholds[feature] = [.. cuts];
            var column = new byte[rows];
            var cut = thresholds[feature];
            for (var r = 0; r < rows; r++)
            {
                var index = Array.BinarySearch(cut, data.Features[r * f + feature]);
                column[r] = (byte)(index >= 0 ? index : ~index);
            }

            bins[feature] = column;
        }

        return new FeatureBins(thresholds, bins);
    }
}
