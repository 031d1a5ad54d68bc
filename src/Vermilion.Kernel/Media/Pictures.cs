using System.Collections.Concurrent;
using SkiaSharp;

namespace Vermilion.Kernel.Media;

/// <summary>A picture as stored: its key, upright size and the colour shown while it loads.</summary>
public sealed record StoredPicture(string Key, int Width, int Height, string Color);

/// <summary>
/// Every picture the platform keeps passes here: decoded, turned upright, re-encoded as WebP (so nothing but its
/// pixels survives) and stored with its card and detail renditions. Renditions missing from the store (pictures
/// stored before renditions existed, JPEG twins for browsers without WebP) are made on first request.
/// </summary>
public sealed class Pictures(IMediaStore store) : IDisposable
{
    private static readonly string[] OriginalExtensions = ["webp", "jpg", "png"];

    // A 12-megapixel photo needs about 140 MB while it is worked on: at most one per core at a time.
    private readonly SemaphoreSlim working = new(Math.Max(1, Environment.ProcessorCount));
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> making = new(StringComparer.Ordinal);

    public async Task<(StoredPicture? Picture, ImageRejection? Rejection)> AcceptAsync(byte[] content, ImageLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await working.WaitAsync(cancellationToken);
        try
        {
            var (picture, _, rejection) = PictureDecoder.Decode(content, limits);
            if (picture is null)
            {
                return (null, rejection);
            }

            using (picture)
            {
                return (await StoreAsync(picture, cancellationToken), null);
            }
        }
        finally
        {
            working.Release();
        }
    }

    /// <summary>Stores a picture the platform drew itself (a demo illustration, a text card), with its renditions.</summary>
    public async Task<StoredPicture> SaveAsync(SKBitmap picture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(picture);
        await working.WaitAsync(cancellationToken);
        try
        {
            return await StoreAsync(picture, cancellationToken);
        }
        finally
        {
            working.Release();
        }
    }

    public void Dispose() => working.Dispose();

    /// <summary>Opens stored media by key, making a missing rendition from its original first.</summary>
    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (store.OpenRead(key) is { } stored)
        {
            return stored;
        }

        if (!Renditions.TryParse(key, out _, out _, out _))
        {
            return null;
        }

        var made = making.GetOrAdd(key, k => new Lazy<Task<bool>>(() => MakeAsync(k)));
        try
        {
            if (!await made.Value.WaitAsync(cancellationToken))
            {
                return null;
            }
        }
        finally
        {
            making.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(key, made));
        }

        return store.OpenRead(key);
    }

    private async Task<StoredPicture> StoreAsync(SKBitmap picture, CancellationToken cancellationToken)
    {
        var original = PictureEncoder.WebP(picture);
        var key = await store.SaveAsync(original, "webp", cancellationToken);
        foreach (var rendition in Renditions.All)
        {
            // A picture no wider than the rendition is its own rendition: the same bytes, not a second encode.
            if (picture.Width <= Renditions.WidthOf(rendition))
            {
                await store.SaveAsAsync(Renditions.KeyOf(key, rendition, "webp"), original, cancellationToken);
                continue;
            }

            using var scaled = PictureEncoder.ScaleToWidth(picture, Renditions.WidthOf(rendition));
            await store.SaveAsAsync(Renditions.KeyOf(key, rendition, "webp"), PictureEncoder.WebP(scaled), cancellationToken);
        }

        return new StoredPicture(key, picture.Width, picture.Height, DominantColor.Of(picture));
    }

    // Not cancelled with the request that asked first: others may be waiting for the same rendition.
    private async Task<bool> MakeAsync(string key)
    {
        if (!Renditions.TryParse(key, out var hash, out var rendition, out var extension))
        {
            return false;
        }

        byte[]? original = null;
        foreach (var candidate in OriginalExtensions)
        {
            await using var stream = store.OpenRead($"{hash}.{candidate}");
            if (stream is not null)
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                original = buffer.ToArray();
                break;
            }
        }

        if (original is null)
        {
            return false;
        }

        await working.WaitAsync();
        try
        {
            var (picture, _, _) = PictureDecoder.Decode(original, ImageLimits.Stored);
            if (picture is null)
            {
                return false;
            }

            using (picture)
            using (var scaled = PictureEncoder.ScaleToWidth(picture, Renditions.WidthOf(rendition)))
            {
                var bytes = extension == "jpg" ? PictureEncoder.Jpeg(scaled) : PictureEncoder.WebP(scaled);
                await store.SaveAsAsync(key, bytes, CancellationToken.None);
            }

            return true;
        }
        finally
        {
            working.Release();
        }
    }
}
