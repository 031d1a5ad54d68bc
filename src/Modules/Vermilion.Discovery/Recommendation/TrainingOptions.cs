using Vermilion.Discovery.Recommendation.Ranking;

namespace Vermilion.Discovery.Recommendation;

/// <summary>How the trainer keeps back part of the log to choose settings and the blend on.</summary>
internal enum ValidationHoldout
{
    /// <summary>Each person's last interaction: the future, as a feed must predict it.</summary>
    LastItem,

    /// <summary>A random share of each person's interactions, for logs whose order carries no meaning.</summary>
    RandomItems,
}

internal sealed record TrainingOptions
{
    public ValidationHoldout Holdout { get; init; } = ValidationHoldout.LastItem;

    /// <summary>The share of each person's interactions kept back under <see cref="ValidationHoldout.RandomItems"/>.</summary>
    public double HoldoutFraction { get; init; } = 0.25;

    public int Seed { get; init; } = 42;

    /// <summary>Attribute ids per item (brand, category, topic), when the catalog has them.</summary>
    public IReadOnlyList<int[]>? ItemAttributes { get; init; }

    /// <summary>Recall sources to use, by name; all of them when empty.</summary>
    public IReadOnlyCollection<string> Sources { get; init; } = [];

    /// <summary>How many of each source's best items become ranking candidates.</summary>
    public int CandidatesPerSource { get; init; } = 50;

    /// <summary>At most this many people are used to choose settings; the rest of the log still trains.</summary>
    public int MaxValidationUsers { get; init; } = 30_000;

    /// <summary>Blend several sources with a learned ranker; without it a model is its first source alone.</summary>
    public bool LearnRanker { get; init; } = true;

    public RankerSettings Ranker { get; init; } = new();

    /// <summary>
    /// The ranker wants about this many validation queries; a small log gets them from several holdout rounds
    /// (earlier last items, or other random shares), each with its sources fitted without that round's targets.
    /// </summary>
    public int TargetRankingQueries { get; init; } = 20_000;

    public int MaxValidationRounds { get; init; } = 5;

    /// <summary>At most this many validation queries score each point of a source's settings grid.</summary>
    public int MaxTuningQueries { get; init; } = 5_000;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public bool Uses(string source) => Sources.Count == 0 || Sources.Contains(source);
}
