namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>LambdaRank gradients and the NDCG they optimise.</summary>
internal static class LambdaGradients
{
    public static void Compute(RankingData data, float[] scores, float[] gradients, float[] hessians, int cutOff, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(data);
        Array.Clear(gradients);
        Array.Clear(hessians);
        Parallel.For(0, data.QueryCount, parallel, q =>
        {
            var start = data.QueryStarts[q];
            var count = data.QueryStarts[q + 1] - start;
            var labels = data.Labels.AsSpan(start, count);
            var idealDcg = IdealDcg(labels, cutOff);
            if (idealDcg <= 0)
            {
                return;
            }

            var order = Enumerable.Range(0, count).ToArray();
            Array.Sort(order, (a, b) => scores[start + b].CompareTo(scores[start + a]));
            var rank = new int[count];
            for (var r = 0; r < count; r++)
            {
                rank[order[r]] = r;
            }

            for (var i = 0; i < count; i++)
            {
                if (labels[i] <= 0)
                {
                    continue;
                }

                for (var j = 0; j < count; j++)
                {
                    if (labels[j] >= labels[i] || rank[i] >= cutOff && rank[j] >= cutOff)
                    {
                        continue;
                    }

                    var delta = Math.Abs((Gain(labels[i]) - Gain(labels[j])) * (Discount(rank[i], cutOff) - Discount(rank[j], cutOff))) / idealDcg;
                    var rho = 1 / (1 + Math.Exp(scores[start + i] - scores[start + j]));
                    var lambda = (float)(rho * delta);
                    var hessian = (float)(rho * (1 - rho) * delta);
                    gradients[start + i] -= lambda;
                    gradients[start + j] += lambda;
                    hessians[start + i] += hessian;
                    hessians[start + j] += hessian;
                }
            }
        });
    }

    /// <summary>Mean NDCG at the cut-off over the queries that have something relevant.</summary>
    public static double MeanNdcg(RankingData data, float[] scores, int cutOff)
    {
        ArgumentNullException.ThrowIfNull(data);
        double sum = 0;
        var counted = 0;
        for (var q = 0; q < data.QueryCount; q++)
        {
            var start = data.QueryStarts[q];
            var count = data.QueryStarts[q + 1] - start;
            var labels = data.Labels.AsSpan(start, count);
            var ideal = IdealDcg(labels, cutOff);
            if (ideal <= 0)
            {
                continue;
            }

            var order = Enumerable.Range(0, count).ToArray();
            Array.Sort(order, (a, b) => scores[start + b] != scores[start + a] ? scores[start + b].CompareTo(scores[start + a]) : a.CompareTo(b));
            double dcg = 0;
            for (var r = 0; r < Math.Min(cutOff, count); r++)
            {
                dcg += Gain(labels[order[r]]) * Discount(r, cutOff);
            }

            sum += dcg / ideal;
            counted++;
        }

        return counted == 0 ? 0 : sum / counted;
    }

    private static double IdealDcg(ReadOnlySpan<float> labels, int cutOff)
    {
        var sorted = labels.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        double dcg = 0;
        for (var r = 0; r < Math.Min(cutOff, sorted.Length); r++)
        {
            dcg += Gain(sorted[r]) * Discount(r, cutOff);
        }

        return dcg;
    }

    private static double Gain(float label) => Math.Pow(2, label) - 1;

    private static double Discount(int rank, int cutOff) => rank < cutOff ? 1 / Math.Log2(rank + 2) : 0;
}
