using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Feeds;
using Vermilion.Community.Media;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class FeedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feed/latest", (string? cursor, HttpContext http, FeedQueries feeds) =>
            feeds.LatestAsync(http.User.UserId(), cursor, http.RequestAborted)).WithTags("Feeds").WithSummary("Newest public notes first.");
        app.MapGet("/api/feed/following", (string? cursor, HttpContext http, FeedQueries feeds) =>
            feeds.FollowingAsync(http.User.RequiredUserId(), cursor, http.RequestAborted)).WithTags("Feeds").RequireAuthorization()
            .WithSummary("Newest notes of the people you follow first.");
        app.MapGet("/api/feed/discover", async (string? channel, string? cursor, HttpContext http, FeedSources sources) =>
            await sources.PageAsync("discover:" + (channel ?? ""), http.User.UserId(), cursor, http.RequestAborted))
            .WithTags("Feeds").WithSummary("The personalized discovery feed (发现), optionally one channel; each card says why it is shown.");
        app.MapGet("/api/feed/nearby", NearbyAsync).WithTags("Feeds")
            .WithSummary("Notes near a place (同城): lat and lng from the device, or a city; ranked by distance and quality.");
        app.MapGet("/api/topics/{name}", TopicAsync).WithTags("Topics").WithSummary("A topic: its note count and its hot or latest notes (sort=hot|latest).");
        app.MapGet("/api/suggest/topics", async (string? q, TopicQueries topics, HttpContext http) =>
            (await topics.SuggestAsync((q ?? "").Trim().TrimStart('#'), http.RequestAborted)).Select(t => new { name = t.Name, noteCount = t.NoteCount }))
            .WithTags("Topics").WithSummary("Topics starting with q, most used first (for # completion).");
        app.MapGet("/api/suggest/people", (string? q, HttpContext http, Profiles.SocialQueries social) =>
            social.FollowedByAsync(http.User.RequiredUserId(), (q ?? "").Trim().TrimStart('@'), 10, http.RequestAborted))
            .WithTags("Social").RequireAuthorization().WithSummary("People you follow whose name starts with q (for @ completion).");
        app.MapGet("/n/{id}", (string id) => ApiIds.Parse(id) is null ? Results.NotFound() : Results.Redirect("/explore/" + id)).ExcludeFromDescription();
        app.MapPost("/api/media", UploadAsync).WithTags("Media").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes).DisableAntiforgery()
            .WithSummary("Upload a picture (PNG, JPEG, WebP) or a video (MP4, WebM), as the raw body or multipart field `file`; returns the id to use in a note, comment or message.");
        app.MapGet("/api/media/{id}", async (string id, HttpContext http, MediaQueries media, IStringLocalizer text) =>
            ApiIds.Parse(id) is { } mediaId && await media.OwnAsync(http.User.RequiredUserId(), mediaId, http.RequestAborted) is { } view
                ? Results.Ok(view)
                : ApiIds.NotFound(text, "media.not_found"))
            .WithTags("Media").RequireAuthorization()
            .WithSummary("One of your uploads: for a video, whether its rendition is processing, ready or failed, and how far it has got.");
    }

    private static async Task<IResult> NearbyAsync(double? lat, double? lng, string? city, string? cursor, HttpContext http, FeedSources sources, IStringLocalizer text)
    {
        if (lat.HasValue != lng.HasValue || lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            return Problems.From(Failure.Invalid("lat", text["community.note.coordinates"]));
        }

        var at = lat is { } la && lng is { } lo
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{la},{lo}")
            : city ?? "";
        return TypedResults.Ok(await sources.PageAsync("nearby:" + at, http.User.UserId(), cursor, http.RequestAborted));
    }

    private static async Task<IResult> TopicAsync(string name, string? sort, string? cursor, HttpContext http, TopicQueries topics, IStringLocalizer text) =>
        await topics.PageAsync(name, sort ?? "hot", cursor, http.User.UserId(), http.RequestAborted) is { } page
            ? TypedResults.Ok(page)
            : ApiIds.NotFound(text, "community.topic.not_found");

    private static async Task<IResult> UploadAsync(HttpContext http, UploadMediaHandler upload, IMediaStore store, IStringLocalizer text)
    {
        // Videos are larger than the server-wide request limit; this endpoint streams them to disk instead.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadMediaHandler.MaxBytes + (64 * 1024);
        }

        var path = store.IncomingPath();
        var length = await UploadReader.SaveAsync(http.Request, "file", UploadMediaHandler.MaxBytes, path, http.RequestAborted);
        if (length is not > 0)
        {
            File.Delete(path);
            return Problems.From(Failure.Invalid("file", length is null
                ? text["media.video.toolarge", UploadMediaHandler.MaxBytes / 1024 / 1024]
                : text["media.empty"]));
        }

        return (await upload.HandleFileAsync(http.User.RequiredUserId(), path, http.RequestAborted)).Match(view => TypedResults.Created(view.Url, view));
    }
}
