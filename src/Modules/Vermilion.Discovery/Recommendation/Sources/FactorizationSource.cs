using System.Numerics.Tensors;

namespace Vermilion.Discovery.Recommendation.Sources;

/// <summary>
/// Implicit-feedback matrix factorization (alternating least squares with confidence weights, Hu, Koren and
/// Volinsky): every interaction is a positive with confidence 1 + <see cref="Confidence"/> × weight, every other
/// pair a weak negative. Captures taste beyond direct co-occurrence, which is where graph-like data rewards it.
/// </summary>
internal sealed record FactorizationSettings(int Factors, double Regularization, double Confidence, int Iterations) : SourceSettings
{
    public override string Source => "als";

    public override IRecallSource Fit(InteractionLog log, TrainingOptions options, CancellationToken cancellationToken)
    {
        var items = ImplicitAls.Train(log, this, options, cancellationToken);
        return new FactorizationSource(this, items, ImplicitAls.Gramian(items, Factors));
    }

    public static IReadOnlyList<SourceSettings> Grid() =>
    [
        new FactorizationSettings(64, 5, 10, 8),
        new FactorizationSettings(64, 50, 10, 8),
        new FactorizationSettings(64, 5, 2, 8),
        new FactorizationSettings(128, 20, 20, 8),
    ];
}

/// <summary>Scores by folding the history into a person vector against the trained item vectors, so new people work too.</summary>
internal sealed class FactorizationSource(FactorizationSettings settings, float[] itemFactors, double[] gramian) : IRecallSource
{
    public string Name => settings.Source;

    public void Score(UserHistory history, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(history);
        var k = settings.Factors;
        var itemCount = itemFactors.Length / k;
        var rows = new List<int>(history.Count);
        var weights = new List<float>(history.Count);
        for (var p = 0; p < history.Count; p++)
        {
            if ((uint)history.Items[p] < (uint)itemCount)
            {
                rows.Add(history.Items[p]);
                weights.Add(history.Weights[p]);
            }
        }

        var person = new float[k];
        ImplicitAls.Solve(itemFactors, gramian, rows.ToArray(), weights.ToArray(), settings, person);
        scores.Clear();
        for (var j = 0; j < Math.Min(itemCount, scores.Length); j++)
        {
            scores[j] = TensorPrimitives.Dot(itemFactors.AsSpan(j * k, k), person);
        }
    }
}
