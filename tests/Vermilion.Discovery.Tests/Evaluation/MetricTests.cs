using Vermilion.Discovery.Evaluation;

namespace Vermilion.Discovery.Tests.Evaluation;

public sealed class MetricTests
{
    private static readonly int[] Ranked = [5, 3, 9, 1, 7];

    [Fact]
    public void HitRateAndNdcg_OfOneTargetAtRankThree()
    {
        int[] target = [9];

        Assert.Equal(1, new Metric(MetricKind.HitRate, 3).Of(Ranked, target));
        Assert.Equal(0, new Metric(MetricKind.HitRate, 2).Of(Ranked, target));
        Assert.Equal(0.5, new Metric(MetricKind.Ndcg, 10).Of(Ranked, target), 12); // 1 / log2(3 + 1)
    }

    [Fact]
    public void NdcgWithSeveralTargets_IsRelativeToTheIdealTopOfTheList()
    {
        int[] targets = [5, 9, 42];

        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4).
        var expected = 1.5 / (1 + 1 / Math.Log2(3) + 0.5);
        Assert.Equal(expected, new Metric(MetricKind.Ndcg, 5).Of(Ranked, targets), 12);
        // At k = 2 only one hit fits, and the ideal holds two.
        Assert.Equal(1 / (1 + 1 / Math.Log2(3)), new Metric(MetricKind.Ndcg, 2).Of(Ranked, targets), 12);
    }

    [Fact]
    public void PrecisionRecallAndAveragePrecision_FollowMicrosoftRecommenders()
    {
        int[] targets = [3, 7, 42, 43];

        Assert.Equal(2.0 / 5, new Metric(MetricKind.Precision, 5).Of(Ranked, targets), 12);
        Assert.Equal(2.0 / 4, new Metric(MetricKind.Recall, 5).Of(Ranked, targets), 12);
        // Hits at ranks 2 and 5: (1/2 + 2/5) / |targets|.
        Assert.Equal((0.5 + 0.4) / 4, new Metric(MetricKind.AveragePrecision, 5).Of(Ranked, targets), 12);
    }

    [Fact]
    public void AShortList_CountsOnlyWhatItHolds()
    {
        Assert.Equal(0.1, new Metric(MetricKind.Precision, 10).Of([1, 2], [2]), 12);
        Assert.Equal(0, new Metric(MetricKind.Recall, 10).Of([], [2]));
    }

    [Fact]
    public void Names_AreThePublishedOnes()
    {
        Assert.Equal(["HR@10", "NDCG@10", "HR@20", "NDCG@20"], Metric.LeaveOneOut.Select(m => m.Name));
        Assert.Equal(["MAP@10", "NDCG@10", "Precision@10", "Recall@10"], Metric.RandomSplit.Select(m => m.Name));
        Assert.Equal(["Recall@20", "NDCG@20"], Metric.GivenSplit.Select(m => m.Name));
    }
}
