using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Profiles;
using Vermilion.Kernel.Ids;

namespace Vermilion.Accounts.Api;

internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users/{id}", GetAsync).WithTags("Users").WithSummary("A person's public profile.");
        app.MapGet("/avatars/{id}.svg", DefaultAvatarAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> GetAsync(string id, ProfileQueries queries, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var found = ShortId.TryDecode(id, out var userId) ? await queries.FindAsync(userId, cancellationToken) : null;
        return found is { } f && f.User.DeletedAt is null
            ? TypedResults.Ok(UserViews.ToView(f.User, f.Profile))
            : TypedResults.Problem(detail: text["accounts.user.not_found"], statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DefaultAvatarAsync(string id, ProfileQueries queries, HttpContext http)
    {
        var found = ShortId.TryDecode(id, out var userId) ? await queries.FindAsync(userId, http.RequestAborted) : null;
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        // The initial can change with the nickname, so cache for a day rather than forever.
        http.Response.Headers.CacheControl = "public, max-age=86400";
        var name = found.Value.User.DeletedAt is null ? found.Value.Profile.Nickname : "?";
        return TypedResults.Text(DefaultAvatar.Svg(userId, name), "image/svg+xml");
    }
}
