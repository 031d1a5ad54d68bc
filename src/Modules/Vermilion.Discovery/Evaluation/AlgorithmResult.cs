namespace Vermilion.Discovery.Evaluation;

/// <summary>One algorithm's row of the results table.</summary>
internal sealed record AlgorithmResult(
    string Algorithm, IReadOnlyList<(string Metric, double Value)> Metrics, double TrainSeconds, double EvaluateSeconds, double PeakManagedMb, double PeakWorkingSetMb)
{
    /// <summary>Every number of the row as (metric, value), resources included, for the JSON output.</summary>
    public IEnumerable<(string Metric, double Value)> AllValues() =>
    [
        .. Metrics,
        ("train_seconds", TrainSeconds),
        ("evaluate_seconds", EvaluateSeconds),
        ("peak_managed_mb", PeakManagedMb),
        ("peak_working_set_mb", PeakWorkingSetMb),
    ];
}
