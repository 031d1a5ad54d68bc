using Vermilion.Discovery.Evaluation.Data;
using Vermilion.Discovery.Evaluation.Protocols;
using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Recommendation.Sources;

namespace Vermilion.Discovery.Evaluation;

/// <summary>
/// A named way to get a model from a split. <c>pop</c> is honest popularity over the training log;
/// <c>pop-wholefile</c> counts the whole file, test targets included, only to check the protocol against the
/// published PopRec row; every recall source alone (its settings chosen on validation); and <c>vermilion</c>, the
/// full recommender exactly as the discovery feed trains it.
/// </summary>
internal sealed record EvaluationAlgorithm(string Name, Func<EvaluationSplit, Dataset, TrainingOptions, IProgress<string>, CancellationToken, RecommenderModel> Train)
{
    public const string Full = "vermilion";

    public static IReadOnlyList<EvaluationAlgorithm> For(EvaluationSplit split, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(split);
        var all = new List<EvaluationAlgorithm> { new("pop", (s, _, _, _, _) => Popularity("pop", s.Train)) };
        if (split.Protocol == "loo-full")
        {
            all.Add(new("pop-wholefile", (s, d, _, _, _) => Popularity("pop-wholefile", d.Log)));
        }

        foreach (var source in SourceCatalog.Active(options with { Sources = [] }))
        {
            all.Add(new(source, (s, _, o, p, c) => RecommenderTrainer.Train(s.Train, o with { Sources = [source], LearnRanker = false }, p, c)));
        }

        all.Add(new(Full, (s, _, o, p, c) => RecommenderTrainer.Train(s.Train, o, p, c)));
        return all;
    }

    private static RecommenderModel Popularity(string name, InteractionLog countedOn)
    {
        var source = new PopularitySettings(name, 1.0).Fit(countedOn, new TrainingOptions(), CancellationToken.None);
        return new RecommenderModel(name, [source], null, countedOn.ItemCounts, 1, new TrainingReport(0, [], 0, 0, []));
    }
}
