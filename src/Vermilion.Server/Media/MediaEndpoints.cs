using Vermilion.Kernel.Media;

namespace Vermilion.Server.Media;

/// <summary>Serves stored media. Keys are content hashes, so a response never changes and may be cached for a year.</summary>
internal static class MediaEndpoints
{
    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{key}", (string key, IMediaStore store, HttpContext http) =>
        {
            var stream = store.OpenRead(key);
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
