using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Evaluation.Data;

/// <summary>A dataset ready for a protocol: every interaction as a time-ordered log over dense indexes.</summary>
internal sealed record Dataset(string Name, DatasetFormat Format, InteractionLog Log, Vocabulary Users, Vocabulary Items, IReadOnlyList<int[]>? ItemAttributes)
{
    /// <summary>Reads a data file, and a test file in any of the same formats when the split is given, into one index space.</summary>
    public static async Task<(Dataset Data, InteractionLog? Test)> LoadAsync(string path, string? testPath, CancellationToken cancellationToken)
    {
        var (format, rows) = await DatasetFile.ReadAsync(path, cancellationToken);
        var users = new Vocabulary();
        var items = new Vocabulary();
        var train = Index(rows, users, items);
        List<Interaction>? test = null;
        if (testPath is not null)
        {
            var (_, testRows) = await DatasetFile.ReadAsync(testPath, cancellationToken);
            test = Index(testRows, users, items);
        }

        var log = InteractionLog.FromInteractions(train, users.Count, items.Count);
        var testLog = test is null ? null : InteractionLog.FromInteractions(test, users.Count, items.Count);
        var attributesPath = ItemAttributesFile.BesideData(path);
        var attributes = File.Exists(attributesPath) ? await ItemAttributesFile.ReadAsync(attributesPath, items, cancellationToken) : null;
        return (new Dataset(Path.GetFileName(path), format, log, users, items, attributes), testLog);
    }

    private static List<Interaction> Index(List<RawInteraction> rows, Vocabulary users, Vocabulary items) =>
        [.. rows.Select(r => new Interaction(users.IndexOf(r.User), items.IndexOf(r.Item), r.Time))];
}
