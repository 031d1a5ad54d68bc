namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>Candidate lists with features and relevance labels, one list per query, rows stored back to back.</summary>
internal sealed class RankingData
{
    private RankingData(int featureCount, float[] features, float[] labels, int[] queryStarts)
    {
        FeatureCount = featureCount;
        Features = features;
        Labels = labels;
        QueryStarts = queryStarts;
    }

    public int FeatureCount { get; }

    public int RowCount => Labels.Length;

    public int QueryCount => QueryStarts.Length - 1;

    /// <summary>Row-major: row r's features are at [r × FeatureCount, (r + 1) × FeatureCount).</summary>
    public float[] Features { get; }

    public float[] Labels { get; }

    public int[] QueryStarts { get; }

    public static RankingData FromQueries(int featureCount, IReadOnlyList<(float[] Features, float[] Labels)> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var rows = queries.Sum(q => q.Labels.Length);
        var features = new float[(long)rows * featureCount];
        var labels = new float[rows];
        var starts = new int[queries.Count + 1];
        for (var q = 0; q < queries.Count; q++)
        {
            var (f, l) = queries[q];
            if (f.Length != l.Length * featureCount)
            {
                throw new ArgumentException("Every candidate needs one row of features.", nameof(queries));
            }

            f.CopyTo(features, (long)starts[q] * featureCount);
            l.CopyTo(labels, starts[q]);
            starts[q + 1] = starts[q] + l.Length;
        }

        return new RankingData(featureCount, features, labels, starts);
    }
}
