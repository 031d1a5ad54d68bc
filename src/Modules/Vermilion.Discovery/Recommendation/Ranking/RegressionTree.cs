namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>
/// One regression tree of the ranker. Internal nodes send a row left when its feature is at most the threshold;
/// a negative child index −(n+1) names leaf n.
/// </summary>
internal sealed class RegressionTree(int[] features, float[] thresholds, int[] left, int[] right, float[] leaves)
{
    public int LeafCount => leaves.Length;

    public float Predict(ReadOnlySpan<float> row)
    {
        if (features.Length == 0)
        {
            return leaves[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = row[features[node]] <= thresholds[node] ? left[node] : right[node];
        }

        return leaves[-node - 1];
    }
}

/// <summary>The trained ranker: a sum of trees over candidate features.</summary>
internal sealed class RankingEnsemble(IReadOnlyList<RegressionTree> trees, int featureCount)
{
    public int TreeCount => trees.Count;

    public int FeatureCount => featureCount;

    public float Score(ReadOnlySpan<float> row)
    {
        var sum = 0f;
        foreach (var tree in trees)
        {
            sum += tree.Predict(row);
        }

        return sum;
    }
}
