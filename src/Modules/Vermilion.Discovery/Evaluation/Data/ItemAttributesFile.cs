using System.Text.Json;

namespace Vermilion.Discovery.Evaluation.Data;

/// <summary>
/// Reads <c>{"item": [attribute, ...]}</c> (the S3-Rec <c>*_item2attributes.json</c> layout) into dense attribute
/// indexes per known item. By convention it sits beside the data file as <c>&lt;name&gt;_item2attributes.json</c>.
/// </summary>
internal static class ItemAttributesFile
{
    public static string BesideData(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataPath)) ?? ".", Path.GetFileNameWithoutExtension(dataPath) + "_item2attributes.json");

    public static async Task<int[][]> ReadAsync(string path, Vocabulary items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var stream = File.OpenRead(path);
        var document = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(stream, cancellationToken: cancellationToken)
            ?? throw new FormatException($"{path}: expected an object of item → attribute list.");
        var attributes = new Vocabulary();
        var result = new int[items.Count][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [];
        }

        foreach (var (token, values) in document)
        {
            if (items.TryFind(token, out var item) && values.ValueKind == JsonValueKind.Array)
            {
                result[item] = [.. values.EnumerateArray().Select(v => attributes.IndexOf(v.ToString()))];
            }
        }

        return result;
    }
}
