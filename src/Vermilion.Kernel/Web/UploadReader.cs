using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Vermilion.Kernel.Web;

/// <summary>Reads one uploaded file, from a multipart form field or a raw body, refusing anything over the limit.</summary>
public static class UploadReader
{
    /// <summary>Returns the bytes, an empty array when nothing was sent, or null when the upload is over the limit.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, string field, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            return null;
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile(field) ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return [];
            }

            if (file.Length > maxBytes)
            {
                return null;
            }

            await using var stream = file.OpenReadStream();
            return await ReadCappedAsync(stream, maxBytes, cancellationToken);
        }

        return await ReadCappedAsync(request.Body, maxBytes, cancellationToken);
    }

    /// <summary>
    /// Streams one uploaded file to <paramref name="path"/> without holding it in memory. Returns its length, 0 when
    /// nothing was sent, or null when it is over the limit (the partial file is then deleted).
    /// </summary>
    public static async Task<long?> SaveAsync(HttpRequest request, string field, long maxBytes, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            return null;
        }

        Stream source;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes + 64 * 1024 }, cancellationToken);
            var file = form.Files.GetFile(field) ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return 0;
            }

            if (file.Length > maxBytes)
            {
                return null;
            }

            source = file.OpenReadStream();
        }
        else
        {
            source = request.Body;
        }

        // A form file's stream is ours to close; the request body is not.
        await using var owned = source == request.Body ? null : source;
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                await output.DisposeAsync();
                File.Delete(path);
                return null;
            }

            await output.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
