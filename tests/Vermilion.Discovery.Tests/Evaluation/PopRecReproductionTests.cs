using Vermilion.Discovery.Evaluation;
using Vermilion.Discovery.Evaluation.Data;
using Vermilion.Discovery.Evaluation.Protocols;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Tests.Evaluation;

/// <summary>The protocol check: the published PopRec row on Amazon Beauty (S3-Rec, full ranking) comes out exactly.</summary>
public sealed class PopRecReproductionTests
{
    [Fact]
    public async Task Beauty_PopularityOverTheWholeFile_ReproducesThePublishedRow()
    {
        var (data, _) = await Dataset.LoadAsync(RepositoryFiles.SharedData("recsys/Beauty.txt"), null, CancellationToken.None);
        var split = LeaveOneOut.Split(data.Log);
        var options = new TrainingOptions { MaxDegreeOfParallelism = 1 };
        var algorithms = EvaluationAlgorithm.For(split, options);

        var wholeFile = Evaluate("pop-wholefile");
        var honest = Evaluate("pop");

        Assert.Equal((22363, 12101, 198502), (data.Users.Count, data.Items.Count, data.Log.InteractionCount));
        Assert.Equal(0.0152, wholeFile["HR@10"], 4);
        Assert.Equal(0.0068, wholeFile["NDCG@10"], 4);
        Assert.Equal(0.0135, honest["HR@10"], 4);
        Assert.Equal(0.0061, honest["NDCG@10"], 4);

        Dictionary<string, double> Evaluate(string name)
        {
            var model = algorithms.Single(a => a.Name == name).Train(split, data, options, new Progress<string>(), CancellationToken.None);
            return RecommenderEvaluation.Evaluate(model, split, 2, CancellationToken.None).ToDictionary(m => m.Metric, m => m.Value);
        }
    }
}
