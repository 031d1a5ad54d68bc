using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Vermilion.Kernel.Media;

/// <summary>Stores media under the hash of its content: the same bytes are stored once and a key never changes meaning.</summary>
public interface IMediaStore
{
    Task<string> SaveAsync(byte[] content, string extension, CancellationToken cancellationToken);

    /// <summary>Stores content under a key the caller derived (a rendition of a stored original, a video's rendition).</summary>
    Task SaveAsAsync(string key, byte[] content, CancellationToken cancellationToken);

    /// <summary>Takes over a finished file (written under <see cref="IncomingPath"/>), stores it by its hash and returns the key.</summary>
    Task<string> SaveFileAsync(string path, string extension, CancellationToken cancellationToken);

    /// <summary>Takes over a finished file as the content of a key the caller derived (a video's rendition).</summary>
    Task SaveFileAsAsync(string path, string key, CancellationToken cancellationToken);

    /// <summary>A fresh path on the store's own disk for an upload in progress, so taking it over is a rename.</summary>
    string IncomingPath();

    /// <summary>
    /// Where an upload waits for processing (a video before its rendition): on the store's disk, shared by every
    /// node, and never served.
    /// </summary>
    string SourcePath(string name);

    Stream? OpenRead(string key);
}

public sealed partial class LocalMediaStore(string root) : IMediaStore
{
    public async Task<string> SaveAsync(byte[] content, string extension, CancellationToken cancellationToken)
    {
        var key = $"{Convert.ToHexStringLower(SHA256.HashData(content))}.{extension}";
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return key;
    }

    public async Task SaveAsAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            throw new ArgumentException($"Not a media key: {key}", nameof(key));
        }

        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<string> SaveFileAsync(string path, string extension, CancellationToken cancellationToken)
    {
        string hash;
        await using (var file = File.OpenRead(path))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        var key = $"{hash}.{extension}";
        var target = PathOf(key);
        if (File.Exists(target))
        {
            File.Delete(path);
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(path, target, overwrite: true);
        return key;
    }

    public Task SaveFileAsAsync(string path, string key, CancellationToken cancellationToken)
    {
        if (!IsKey(key))
        {
            throw new ArgumentException($"Not a media key: {key}", nameof(key));
        }

        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(path, target, overwrite: true);
        return Task.CompletedTask;
    }

    public string SourcePath(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            throw new ArgumentException($"Not a source name: {name}", nameof(name));
        }

        var folder = Path.Combine(root, "sources");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public string IncomingPath()
    {
        var folder = Path.Combine(root, "incoming");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
    }

    public Stream? OpenRead(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return null;
        }

        var path = PathOf(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public static bool IsKey(string key) => KeyPattern().IsMatch(key);

    private string PathOf(string key) => Path.Combine(root, key[..2], key);

    // An original is named by its hash; a rendition adds what it is (-card, -detail) to its original's hash.
    [GeneratedRegex("^[0-9a-f]{64}(-card|-detail)?\\.(png|jpg|webp|svg|mp4|webm)$")]
    private static partial Regex KeyPattern();
}
