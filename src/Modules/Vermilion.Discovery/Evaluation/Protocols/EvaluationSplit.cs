using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation.Protocols;

/// <summary>One person to rank for: the history the model sees and the items that must be found.</summary>
internal sealed record EvaluationCase(UserHistory History, int[] Targets);

/// <summary>
/// What a protocol hands the runner: the only log any algorithm may train on, the cases to rank, the metrics to
/// report, and how the trainer should hold out its own validation data so that it mimics the test.
/// </summary>
internal sealed record EvaluationSplit(
    string Protocol,
    InteractionLog Train,
    IReadOnlyList<EvaluationCase> Cases,
    IReadOnlyList<Metric> Metrics,
    ValidationHoldout Holdout,
    double HoldoutFraction);
