namespace Vermilion.Discovery.Recommendation.Ranking;

/// <summary>
/// Grows one regression tree leaf by leaf (the leaf whose best split gains most goes first) on histograms of
/// first and second order gradients. A child's histogram is the parent's minus its sibling's, so only the smaller
/// side of each split is counted.
/// </summary>
internal sealed class TreeGrower(FeatureBins bins, RankerSettings settings, int maxDegreeOfParallelism)
{
    private readonly int features = bins.Thresholds.Length;
    private readonly int width = bins.Thresholds.Max(t => t.Length) + 1;

    public RegressionTree Grow(float[] gradients, float[] hessians, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var order = (int[])rows.Clone();
        var leaves = new List<Leaf> { NewLeaf(order, 0, order.Length, Histogram(order, 0, order.Length, gradients, hessians)) };
        var splitFeature = new List<int>();
        var splitThreshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var parentSlot = new List<(int Node, bool Left)> { (-1, false) };

        while (leaves.Count < settings.Leaves)
        {
            var best = -1;
            for (var l = 0; l < leaves.Count; l++)
            {
                if (leaves[l].Split is { Gain: > 0 } && (best < 0 || leaves[l].Split!.Gain > leaves[best].Split!.Gain))
                {
                    best = l;
                }
            }

            if (best < 0)
            {
                break;
            }

            var leaf = leaves[best];
            var split = leaf.Split!;
            var column = bins.Bins[split.Feature];
            var cut = leaf.Start;
            for (var i = leaf.Start; i < leaf.Start + leaf.Count; i++)
            {
                if (column[order[i]] <= split.Bin)
                {
                    (order[i], order[cut]) = (order[cut], order[i]);
                    cut++;
                }
            }

            var leftCount = cut - leaf.Start;
            var rightCount = leaf.Count - leftCount;
            var smallerIsLeft = leftCount <= rightCount;
            var small = smallerIsLeft ? Histogram(order, leaf.Start, leftCount, gradients, hessians) : Histogram(order, cut, rightCount, gradients, hessians);
            var large = leaf.Histogram;
            for (var i = 0; i < large.Length; i++)
            {
                large[i] -= small[i];
            }

            var leftLeaf = NewLeaf(order, leaf.Start, leftCount, smallerIsLeft ? small : large);
            var rightLeaf = NewLeaf(order, cut, rightCount, smallerIsLeft ? large : small);

            // The split leaf becomes an internal node; its two children take leaf slots `best` and the new last one.
            var node = splitFeature.Count;
            splitFeature.Add(split.Feature);
            splitThreshold.Add(split.Bin < bins.Thresholds[split.Feature].Length ? bins.Thresholds[split.Feature][split.Bin] : float.MaxValue);
            left.Add(-(best + 1));
            right.Add(-(leaves.Count + 1));
            var (parent, isLeft) = parentSlot[best];
            if (parent >= 0)
            {
                (isLeft ? left : right)[parent] = node;
            }

            leaves[best] = leftLeaf;
            parentSlot[best] = (node, true);
            leaves.Add(rightLeaf);
            parentSlot.Add((node, false));
        }

        var values = leaves.Select(l => (float)(-settings.LearningRate * l.Gradient / (l.Hessian + settings.L2))).ToArray();
        return new RegressionTree([.. splitFeature], [.. splitThreshold], [.. left], [.. right], values);
    }

    private Leaf NewLeaf(int[] order, int start, int count, double[] histogram)
    {
        // Totals come from any one feature's bins.
        double g = 0, h = 0;
        for (var b = 0; b < width; b++)
        {
            g += histogram[b * 3];
            h += histogram[b * 3 + 1];
        }

        var leaf = new Leaf(start, count, histogram, g, h);
        leaf.Split = count >= 2 * settings.MinRowsInLeaf ? BestSplit(histogram, g, h, count) : null;
        return leaf;
    }

    private Split? BestSplit(double[] histogram, double g, double h, int count)
    {
        Split? best = null;
        var parentScore = g * g / (h + settings.L2);
        for (var f = 0; f < features; f++)
        {
            double gl = 0, hl = 0, cl = 0;
            var last = bins.BinCount(f) - 1;
            for (var b = 0; b < last; b++)
            {
                var at = (f * width + b) * 3;
                gl += histogram[at];
                hl += histogram[at + 1];
                cl += histogram[at + 2];
                var cr = count - cl;
                if (cl < settings.MinRowsInLeaf || cr < settings.MinRowsInLeaf)
                {
                    continue;
                }

                var gr = g - gl;
                var hr = h - hl;
                var gain = gl * gl / (hl + settings.L2) + gr * gr / (hr + settings.L2) - parentScore;
                if (gain > (best?.Gain ?? 1e-9))
                {
                    best = new Split(f, b, gain);
                }
            }
        }

        return best;
    }

    /// <summary>Sums (gradient, hessian, count) per feature and bin over a run of rows.</summary>
    private double[] Histogram(int[] order, int start, int count, float[] gradients, float[] hessians)
    {
        var histogram = new double[features * width * 3];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = count > 20_000 ? maxDegreeOfParallelism : 1 };
        Parallel.For(0, features, parallel, f =>
        {
            var column = bins.Bins[f];
            var offset = f * width * 3;
            for (var i = start; i < start + count; i++)
            {
                var row = order[i];
                var at = offset + column[row] * 3;
                histogram[at] += gradients[row];
                histogram[at + 1] += hessians[row];
                histogram[at + 2] += 1;
            }
        });
        return histogram;
    }

    private sealed record Split(int Feature, int Bin, double Gain);

    private sealed class Leaf(int start, int count, double[] histogram, double gradient, double hessian)
    {
        public int Start => start;

        public int Count => count;

        public double[] Histogram => histogram;

        public double Gradient => gradient;

        public double Hessian => hessian;

        public Split? Split { get; set; }
    }
}
