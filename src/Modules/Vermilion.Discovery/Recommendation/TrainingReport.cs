namespace Vermilion.Discovery.Recommendation;

/// <summary>What training chose and how it scored on validation: the record an operator reads to trust a model.</summary>
internal sealed record TrainingReport(
    int ValidationQueries,
    IReadOnlyList<TunedSource> Sources,
    int RankerTrees,
    double RankerValidationNdcg,
    IReadOnlyList<string> Features)
{
    public override string ToString()
    {
        var lines = Sources.Select(s => $"  {s.Name,-12} validation NDCG@20 {s.ValidationNdcg:F4}  {s.Settings}");
        var ranker = RankerTrees > 0 ? $"\n  ranker: {RankerTrees} trees, held-out validation NDCG@20 {RankerValidationNdcg:F4}" : "";
        return $"validation queries: {ValidationQueries}\n{string.Join('\n', lines)}{ranker}";
    }
}

/// <summary>A recall source's chosen settings and the validation score that chose them.</summary>
internal sealed record TunedSource(string Name, SourceSettings Settings, double ValidationNdcg);
