namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>Settings of the gradient-boosted ranker; the number of trees is chosen by early stopping on held-out queries.</summary>
internal sealed record RankerSettings(
    int MaxTrees = 400, int Leaves = 31, double LearningRate = 0.06, int MinRowsInLeaf = 50, double L2 = 1.0,
    int Patience = 40, int Bins = 64, int CutOff = 20);

/// <summary>
/// LambdaMART: boosted regression trees fitted to LambdaRank gradients, which push each relevant candidate above
/// the irrelevant ones in proportion to how much swapping them would change NDCG. Trained on validation queries
/// only; stops when NDCG on a separate set of them stops improving.
/// </summary>
internal static class LambdaMart
{
    public static (RankingEnsemble Ranker, double EvalNdcg) Train(
        RankingData train, RankingData eval, RankerSettings settings, int maxDegreeOfParallelism, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(eval);
        var bins = FeatureBins.Build(train, settings.Bins, 7);
        var grower = new TreeGrower(bins, settings, maxDegreeOfParallelism);
        var scores = new float[train.RowCount];
        var evalScores = new float[eval.RowCount];
        var gradients = new float[train.RowCount];
        var hessians = new float[train.RowCount];
        var rows = Enumerable.Range(0, train.RowCount).ToArray();
        var trees = new List<RegressionTree>();
        var bestNdcg = LambdaGradients.MeanNdcg(eval, evalScores, settings.CutOff);
        var bestCount = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        for (var t = 0; t < settings.MaxTrees && t - bestCount < settings.Patience; t++)
        {
            LambdaGradients.Compute(train, scores, gradients, hessians, settings.CutOff, parallel);
            var tree = grower.Grow(gradients, hessians, rows);
            trees.Add(tree);
            Parallel.For(0, train.RowCount, parallel, r => scores[r] += tree.Predict(train.Features.AsSpan(r * train.FeatureCount, train.FeatureCount)));
            Parallel.For(0, eval.RowCount, parallel, r => evalScores[r] += tree.Predict(eval.Features.AsSpan(r * eval.FeatureCount, eval.FeatureCount)));
            var ndcg = LambdaGradients.MeanNdcg(eval, evalScores, settings.CutOff);
            if (ndcg > bestNdcg)
            {
                bestNdcg = ndcg;
                bestCount = trees.Count;
            }

            if (t % 25 == 0)
            {
                progress?.Report($"ranker: {trees.Count} trees, held-out NDCG@{settings.CutOff} {ndcg:F4} (best {bestNdcg:F4} at {bestCount})");
            }
        }

        return (new RankingEnsemble(trees.Take(bestCount).ToList(), train.FeatureCount), bestNdcg);
    }
}
