using Vermilion.Kernel.Media;

namespace Vermilion.Server.Media;

/// <summary>
/// Serves stored media. Keys are content hashes (a rendition's, its original's plus its name), so a response never
/// changes and may be cached for a year. A picture's rendition that is not stored yet is made on first request.
/// </summary>
internal static class MediaEndpoints
{
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{key}", async (string key, Pictures pictures, HttpContext http) =>
        {
            var stream = await pictures.OpenAsync(key, http.RequestAborted);
            if (stream is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, ContentTypeOf(key), enableRangeProcessing: true);
        }).ExcludeFromDescription();

    private static string ContentTypeOf(string key) => Path.GetExtension(key) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        ".svg" => "image/svg+xml",
        ".mp4" => "video/mp4",
        ".webm" => "video/webm",
        _ => "application/octet-stream",
    };
}
