using System.Globalization;
using System.Runtime.InteropServices;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Training;

/// <summary>
/// Keeps trained models under the data directory (<c>models/feed/feed-*.bin</c>), so a restart serves the last
/// model at once instead of training from nothing, and nodes sharing the data volume pick up a new one. Written
/// to a temporary name and moved into place, so a reader never sees half a file; the newest two are kept.
/// </summary>
internal static class ModelFile
{
    private const int Magic = 0x4D465646; // "FVFM"
    private const int Version = 1;

    public static string Directory(string dataDirectory) => Path.Combine(dataDirectory, "models", "feed");

    public static async Task<string> SaveAsync(FeedModel model, string dataDirectory, CancellationToken cancellationToken)
    {
        var directory = Directory(dataDirectory);
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"feed-{model.TrainedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.bin");
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await using var buffered = new BufferedStream(stream, 1 << 20);
            using var writer = new BinaryWriter(buffered);
            Write(writer, model);
            writer.Flush();
        }

        File.Move(temporary, path, overwrite: true);
        foreach (var old in Files(directory).Skip(2))
        {
            File.Delete(old);
        }

        return path;
    }

    /// <summary>The newest model file, or null when there is none.</summary>
    public static string? Newest(string dataDirectory) => System.IO.Directory.Exists(Directory(dataDirectory)) ? Files(Directory(dataDirectory)).FirstOrDefault() : null;

    public static FeedModel? Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            return null; // written by another version: train again rather than misread it
        }

        var trainedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var watermark = reader.ReadInt64();
        var noteIds = ReadArray<long>(reader);
        var popularity = ReadArray<float>(reader);
        var userCount = reader.ReadInt32();
        var users = new Dictionary<long, UserCandidates>(userCount);
        for (var u = 0; u < userCount; u++)
        {
            var id = reader.ReadInt64();
            users[id] = new UserCandidates(
                ReadArray<int>(reader), ReadArray<float>(reader), [.. ReadArray<byte>(reader).Select(b => (EngineReason)b)],
                ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<byte>(reader));
        }

        ItemNeighbours? neighbours = null;
        if (reader.ReadBoolean())
        {
            var rows = new (int[] Items, float[] Weights)[reader.ReadInt32()];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = (ReadArray<int>(reader), ReadArray<float>(reader));
            }

            neighbours = ItemNeighbours.FromRows(rows);
        }

        var weights = new float[reader.ReadInt32()][];
        for (var o = 0; o < weights.Length; o++)
        {
            weights[o] = ReadArray<float>(reader);
        }

        var trainedOn = ReadArray<int>(reader);
        return new FeedModel
        {
            TrainedAt = trainedAt,
            SignalWatermark = watermark,
            NoteIds = noteIds,
            Popularity = popularity,
            Users = users,
            Neighbours = neighbours,
            Ranker = new ObjectiveModel(weights, trainedOn),
            Summary = reader.ReadString(),
        };
    }

    private static void Write(BinaryWriter writer, FeedModel model)
    {
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(model.TrainedAt.UtcTicks);
        writer.Write(model.SignalWatermark);
        WriteArray<long>(writer, model.NoteIds);
        WriteArray<float>(writer, model.Popularity);
        writer.Write(model.Users.Count);
        foreach (var (id, user) in model.Users)
        {
            writer.Write(id);
            WriteArray<int>(writer, user.Items);
            WriteArray<float>(writer, user.Scores);
            WriteArray<byte>(writer, [.. user.Reasons.Select(r => (byte)r)]);
            WriteArray<int>(writer, user.Anchors);
            WriteArray<int>(writer, user.Recent);
            WriteArray<byte>(writer, user.RecentKinds);
        }

        writer.Write(model.Neighbours is not null);
        if (model.Neighbours is { } neighbours)
        {
            writer.Write(neighbours.ItemCount);
            for (var i = 0; i < neighbours.ItemCount; i++)
            {
                WriteArray(writer, neighbours.ItemsOf(i));
                WriteArray(writer, neighbours.WeightsOf(i));
            }
        }

        writer.Write(model.Ranker.Weights.Length);
        foreach (var weights in model.Ranker.Weights)
        {
            WriteArray<float>(writer, weights);
        }

        WriteArray<int>(writer, model.Ranker.TrainedOn);
        writer.Write(model.Summary);
    }

    private static IEnumerable<string> Files(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "feed-*.bin").OrderByDescending(Path.GetFileName, StringComparer.Ordinal);

    private static void WriteArray<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var n = reader.Read(bytes[read..]);
            if (n == 0)
            {
                throw new EndOfStreamException("The model file ends early.");
            }

            read += n;
        }

        return values;
    }
}
