using Microsoft.AspNetCore.Http;

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
