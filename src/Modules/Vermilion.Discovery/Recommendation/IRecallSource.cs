namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// A trained recall source: scores every item for one history. Implementations are immutable after training and
/// keep no per-call state in fields, so one instance serves any number of threads.
/// </summary>
internal interface IRecallSource
{
    string Name { get; }

    /// <summary>Writes a score for every item into <paramref name="scores"/> (one slot per item; higher is better).</summary>
    void Score(UserHistory history, Span<float> scores);
}

/// <summary>One point of a source's settings grid; fitting it on a log gives a trained source.</summary>
internal abstract record SourceSettings
{
    public abstract string Source { get; }

    public abstract IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken);
}
