using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Passwords;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Media;
using Vermilion.Kernel.Web;

namespace Vermilion.Accounts.Api;

internal static class MeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Me").RequireAuthorization().DisableAntiforgery();
        me.MapGet("", GetAsync).WithSummary("The signed-in person's account and profile.");
        me.MapPatch("", PatchAsync).WithSummary("Change profile fields; fields left out stay as they are.");
        me.MapPut("/avatar", PutAvatarAsync).RequireRateLimiting(RateLimitPolicies.Writes)
            .WithSummary("Upload a new avatar: PNG, JPEG or WebP, checked by content, metadata removed.")
            .WithDescription("Send the image as the raw body, or as the `avatar` field of a multipart form.");
        me.MapPut("/password", PutPasswordAsync).WithSummary("Change the password; every other session ends.");
        me.MapPost("/close", CloseAsync).WithSummary("Close (注销) your account after confirming your password: your notes are withdrawn, every session ends.");
    }

    private static async Task<IResult> GetAsync(HttpContext http, ProfileQueries queries)
    {
        var found = await queries.FindAsync(http.User.RequiredUserId(), http.RequestAborted);
        return found is { } f ? TypedResults.Ok(UserViews.ToMe(f.User, f.Profile)) : TypedResults.NotFound();
    }

    private static async Task<IResult> PatchAsync(UpdateProfileRequest request, HttpContext http, UpdateProfileHandler update, ProfileQueries queries)
    {
        var outcome = await update.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted);
        return outcome.Succeeded ? await GetAsync(http, queries) : Problems.From(outcome.Failure!);
    }

    private static async Task<IResult> PutAvatarAsync(HttpContext http, UploadAvatarHandler upload, ProfileQueries queries, IStringLocalizer text)
    {
        var content = await UploadReader.ReadAsync(http.Request, "avatar", ImageLimits.Avatar.MaxBytes, http.RequestAborted);
        if (content is null)
        {
            return Problems.From(Failure.Invalid("avatar", text["media.toolarge", ImageLimits.Avatar.MaxBytes / 1024 / 1024]));
        }

        var outcome = await upload.HandleAsync(http.User.RequiredUserId(), content, http.RequestAborted);
        return outcome.Succeeded ? await GetAsync(http, queries) : Problems.From(outcome.Failure!);
    }

    private static async Task<IResult> CloseAsync(DeleteAccountRequest request, HttpContext http, DeleteAccountHandler delete) =>
        (await delete.HandleAsync(http.User.RequiredUserId(), request, http.RequestAborted)).Match(_ => TypedResults.NoContent());

    private static async Task<IResult> PutPasswordAsync(ChangePasswordRequest request, HttpContext http, ChangePasswordHandler change)
    {
        var outcome = await change.HandleAsync(http.User.RequiredUserId(), http.User.SessionId(), request, http.RequestAborted);
        return outcome.Succeeded ? TypedResults.NoContent() : Problems.From(outcome.Failure!);
    }
}
