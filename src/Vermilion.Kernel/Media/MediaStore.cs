using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Vermilion.Kernel.Media;

/// <summary>Stores media under the hash of its content: the same bytes are stored once and a key never changes meaning.</summary>
public interface IMediaStore
{
    Task<string> SaveAsync(byte[] content, string extension, CancellationToken cancellationToken);

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

    [GeneratedRegex("^[0-9a-f]{64}\\.(png|jpg|webp|svg|mp4|webm)$")]
    private static partial Regex KeyPattern();
}
