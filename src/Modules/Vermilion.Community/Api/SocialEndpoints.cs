using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Boards;
using Vermilion.Community.Feeds;
using Vermilion.Community.Follows;
using Vermilion.Community.Profiles;
using Vermilion.Community.Series;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Community.Api;

internal static class SocialEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users/{id}").WithTags("Social").DisableAntiforgery();
        users.MapPost("/follow", FollowAsync).RequireAuthorization().WithSummary("Follow someone; repeating it changes nothing.");
        users.MapDelete("/follow", UnfollowAsync).RequireAuthorization().WithSummary("Stop following.");
        users.MapPost("/block", BlockAsync).RequireAuthorization().WithSummary("Block someone: they can no longer see your notes, comment or message you.");
        users.MapDelete("/block", UnblockAsync).RequireAuthorization().WithSummary("Unblock.");
        users.MapGet("/social", SocialAsync).WithSummary("Counters (following, followers, likes + collects) and how you relate.");
        users.MapGet("/followers", FollowersAsync).WithSummary("Who follows this person, newest first.");
        users.MapGet("/following", FollowingAsync).WithSummary("Whom this person follows, newest first.");
        users.MapGet("/notes", NotesAsync).WithSummary("This person's notes you may see, newest first.");
        users.MapGet("/liked", LikedAsync).WithSummary("Notes this person liked.");
        users.MapGet("/collected", CollectedAsync).WithSummary("Notes this person collected.");
        users.MapGet("/series", SeriesAsync).WithSummary("This person's series (合集), most recently updated first.");
        users.MapGet("/boards", BoardsAsync).WithSummary("This person's boards (private ones only to them).");
        app.MapGet("/api/me/tab-privacy", (HttpContext http, TabPrivacySettings privacy) => privacy.GetAsync(http.User.RequiredUserId(), http.RequestAborted))
            .WithTags("Social").RequireAuthorization().WithSummary("Whether your collected and liked tabs are hidden from others.");
        app.MapPut("/api/me/tab-privacy", (TabPrivacyView wanted, HttpContext http, TabPrivacySettings privacy) => privacy.SetAsync(http.User.RequiredUserId(), wanted, http.RequestAborted))
            .WithTags("Social").RequireAuthorization().DisableAntiforgery().WithSummary("Hide or show your collected and liked tabs.");
        app.MapPost("/api/boards", CreateBoardAsync).WithTags("Social").RequireAuthorization().DisableAntiforgery().WithSummary("Make a new board.");
        app.MapGet("/api/boards/{id}/notes", BoardNotesAsync).WithTags("Social").WithSummary("The notes in a board.");
    }

    private static async Task<IResult> FollowAsync(string id, HttpContext http, FollowHandler follows, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId
            ? (await follows.FollowAsync(http.User.RequiredUserId(), userId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> UnfollowAsync(string id, HttpContext http, FollowHandler follows, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } userId)
        {
            return ApiIds.NotFound(text, "community.user.not_found");
        }

        await follows.UnfollowAsync(http.User.RequiredUserId(), userId, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> BlockAsync(string id, HttpContext http, BlockHandler blocks, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId
            ? (await blocks.BlockAsync(http.User.RequiredUserId(), userId, http.RequestAborted)).Match(_ => TypedResults.NoContent())
            : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> UnblockAsync(string id, HttpContext http, BlockHandler blocks, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } userId)
        {
            return ApiIds.NotFound(text, "community.user.not_found");
        }

        await blocks.UnblockAsync(http.User.RequiredUserId(), userId, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SocialAsync(string id, HttpContext http, SocialQueries social, IUserDirectory users, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId && await users.FindAsync(userId, http.RequestAborted) is not null
            ? TypedResults.Ok(await social.SummaryAsync(userId, http.User.UserId(), http.RequestAborted))
            : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> FollowersAsync(string id, string? cursor, HttpContext http, SocialQueries social, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId ? TypedResults.Ok(await social.FollowersAsync(userId, http.User.UserId(), cursor, http.RequestAborted)) : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> FollowingAsync(string id, string? cursor, HttpContext http, SocialQueries social, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId ? TypedResults.Ok(await social.FollowingAsync(userId, http.User.UserId(), cursor, http.RequestAborted)) : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> NotesAsync(string id, string? cursor, HttpContext http, FeedQueries feeds, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId ? TypedResults.Ok(await feeds.ByAuthorAsync(userId, http.User.UserId(), cursor, http.RequestAborted)) : ApiIds.NotFound(text, "community.user.not_found");

    private static Task<IResult> LikedAsync(string id, string? cursor, HttpContext http, FeedSources sources, TabPrivacySettings privacy, IStringLocalizer text) =>
        ShelfAsync("liked", id, cursor, http, sources, privacy, text);

    private static Task<IResult> CollectedAsync(string id, string? cursor, HttpContext http, FeedSources sources, TabPrivacySettings privacy, IStringLocalizer text) =>
        ShelfAsync("collected", id, cursor, http, sources, privacy, text);

    /// <summary>What someone liked or collected, unless they keep that tab to themselves.</summary>
    private static async Task<IResult> ShelfAsync(string tab, string id, string? cursor, HttpContext http, FeedSources sources, TabPrivacySettings privacy, IStringLocalizer text)
    {
        if (ApiIds.Parse(id) is not { } userId)
        {
            return ApiIds.NotFound(text, "community.user.not_found");
        }

        if (await privacy.HiddenFromAsync(userId, http.User.UserId(), tab, http.RequestAborted))
        {
            return Problems.From(new Failure(FailureKind.Forbidden, text["community.profile.tab_private_" + tab]));
        }

        return TypedResults.Ok(await sources.PageAsync($"{tab}:{id}", http.User.UserId(), cursor, http.RequestAborted));
    }

    private static async Task<IResult> SeriesAsync(string id, HttpContext http, SeriesQueries series, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId ? TypedResults.Ok(await series.OfAsync(userId, http.User.UserId(), http.RequestAborted)) : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> BoardsAsync(string id, HttpContext http, BoardHandler boards, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } userId ? TypedResults.Ok(await boards.ListAsync(userId, http.User.UserId(), http.RequestAborted)) : ApiIds.NotFound(text, "community.user.not_found");

    private static async Task<IResult> CreateBoardAsync(BoardRequest request, HttpContext http, BoardHandler boards) =>
        (await boards.CreateAsync(http.User.RequiredUserId(), request, http.RequestAborted)).Match(view => TypedResults.Created($"/api/boards/{view.Id}/notes", view));

    private static async Task<IResult> BoardNotesAsync(string id, string? cursor, HttpContext http, BoardHandler boards, FeedQueries feeds, IStringLocalizer text) =>
        ApiIds.Parse(id) is { } boardId && await boards.FindVisibleAsync(boardId, http.User.UserId(), http.RequestAborted) is not null
            ? TypedResults.Ok(await feeds.InBoardAsync(boardId, http.User.UserId(), cursor, http.RequestAborted))
            : ApiIds.NotFound(text, "community.board.not_found");
}
