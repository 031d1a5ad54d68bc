using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vermilion.Accounts.Contracts;
using Vermilion.Discovery.Search.Moderation;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Web;

namespace Vermilion.Discovery.Search.Api;

internal sealed record BlockQueryRequest(string? Q);

/// <summary>Operators (admin) remove or block hot searches.</summary>
internal static class HotSearchAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/search").WithTags("Search").DisableAntiforgery()
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapGet("/hot", async (HotSearchModeration moderation, HttpContext http) => TypedResults.Ok(await moderation.HotAsync(50, http.RequestAborted)))
            .WithSummary("The hottest queries with their counts, for operators.");
        admin.MapDelete("/hot", async (string? q, HotSearchModeration moderation, HttpContext http) =>
            (await moderation.RemoveAsync(q, http.RequestAborted)).Match(_ => TypedResults.NoContent()))
            .WithSummary("Remove a query (q) from the hot list: its count is forgotten, and it may climb again.");
        admin.MapGet("/blocked", async (HotSearchModeration moderation, HttpContext http) => TypedResults.Ok(await moderation.BlockedAsync(http.RequestAborted)))
            .WithSummary("Queries kept off the hot list and out of suggestions.");
        admin.MapPost("/blocked", async (BlockQueryRequest request, HotSearchModeration moderation, HttpContext http) =>
            (await moderation.BlockAsync(request.Q, http.User.RequiredUserId(), http.RequestAborted)).Match(text => TypedResults.Ok(new { q = text })))
            .WithSummary("Block a query (q, matched once normalized): never counted, shown on the hot list or suggested.");
        admin.MapDelete("/blocked", async (string? q, HotSearchModeration moderation, HttpContext http) =>
            (await moderation.UnblockAsync(q, http.RequestAborted)).Match(_ => TypedResults.NoContent()))
            .WithSummary("Unblock a query (q).");
    }
}
