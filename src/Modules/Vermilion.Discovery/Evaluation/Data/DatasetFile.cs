using System.Globalization;

namespace Vermilion.Discovery.Evaluation.Data;

/// <summary>The interaction file layouts the evaluation reads.</summary>
internal enum DatasetFormat
{
    /// <summary>One person a line: <c>user item item ...</c>, items in time order.</summary>
    Sequences,

    /// <summary>RecBole atomic file: a typed header (<c>user_id:token item_id:token rating:float timestamp:float</c>), tab-separated rows.</summary>
    Atomic,

    /// <summary><c>user&lt;TAB&gt;item[&lt;TAB&gt;count]</c> rows; the count is read as an implicit interaction.</summary>
    Pairs,
}

/// <summary>
/// Reads any of the <see cref="DatasetFormat"/> layouts, telling them apart by the content: a typed header means
/// atomic, tabs mean pairs, anything else is sequences. Ratings and counts count as implicit feedback, as in the
/// published protocols.
/// </summary>
internal static class DatasetFile
{
    public static async Task<(DatasetFormat Format, List<RawInteraction> Interactions)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var format = first.Contains(":token", StringComparison.Ordinal) || path.EndsWith(".inter", StringComparison.OrdinalIgnoreCase)
            ? DatasetFormat.Atomic
            : first.Contains('\t', StringComparison.Ordinal) ? DatasetFormat.Pairs : DatasetFormat.Sequences;
        return (format, format switch
        {
            DatasetFormat.Atomic => ReadAtomic(lines, path),
            DatasetFormat.Pairs => ReadPairs(lines, path),
            _ => ReadSequences(lines),
        });
    }

    private static List<RawInteraction> ReadSequences(string[] lines)
    {
        var result = new List<RawInteraction>();
        foreach (var line in lines)
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < fields.Length; i++)
            {
                result.Add(new RawInteraction(fields[0], fields[i], i - 1));
            }
        }

        return result;
    }

    private static List<RawInteraction> ReadPairs(string[] lines, string path)
    {
        var result = new List<RawInteraction>();
        for (var n = 0; n < lines.Length; n++)
        {
            var fields = lines[n].Split('\t', StringSplitOptions.TrimEntries);
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Length < 2)
            {
                throw new FormatException($"{path}:{n + 1}: expected user<TAB>item[<TAB>count].");
            }

            result.Add(new RawInteraction(fields[0], fields[1], n));
        }

        return result;
    }

    private static List<RawInteraction> ReadAtomic(string[] lines, string path)
    {
        var header = lines[0].Split('\t').Select(h => h.Split(':')[0].Trim()).ToList();
        var user = header.IndexOf("user_id");
        var item = header.IndexOf("item_id");
        var time = header.IndexOf("timestamp");
        if (user < 0 || item < 0)
        {
            throw new FormatException($"{path}: the header needs user_id and item_id fields.");
        }

        var result = new List<RawInteraction>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[n].Split('\t');
            if (fields.Length < header.Count)
            {
                throw new FormatException($"{path}:{n + 1}: expected {header.Count} fields.");
            }

            var at = time >= 0 ? (long)double.Parse(fields[time], CultureInfo.InvariantCulture) : n;
            result.Add(new RawInteraction(fields[user].Trim(), fields[item].Trim(), at));
        }

        return result;
    }
}
