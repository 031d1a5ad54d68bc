using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vermilion.Discovery.Evaluation;

/// <summary>The results as a plain-text table for the console and as JSON for files.</summary>
internal static class ResultsTable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] Resources = ["train s", "eval s", "peak heap MB", "peak WS MB"];

    public static string Format(IReadOnlyList<AlgorithmResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var metrics = results.Count > 0 ? results[0].Metrics.Select(m => m.Metric).ToList() : [];
        List<string> header = ["algorithm", .. metrics, .. Resources];
        var rows = results.Select(r => new[] { r.Algorithm }
            .Concat(r.Metrics.Select(m => m.Value.ToString("F4", CultureInfo.InvariantCulture)))
            .Concat([Number(r.TrainSeconds, "F1"), Number(r.EvaluateSeconds, "F1"), Number(r.PeakManagedMb, "F0"), Number(r.PeakWorkingSetMb, "F0")])
            .ToList()).ToList();
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToList();
        var text = new StringBuilder();
        text.AppendLine(string.Join(" | ", header.Select((h, c) => h.PadRight(widths[c]))));
        text.AppendLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((v, c) => c == 0 ? v.PadRight(widths[c]) : v.PadLeft(widths[c]))));
        }

        return text.ToString();
    }

    public static async Task WriteJsonAsync(string path, IReadOnlyList<AlgorithmResult> results, CancellationToken cancellationToken)
    {
        var rows = results.SelectMany(r => r.AllValues().Select(v => new { algorithm = r.Algorithm, metric = v.Metric, value = Math.Round(v.Value, 6) }));
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, rows, Indented, cancellationToken);
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
