using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vermilion.Kernel.Web;

namespace Vermilion.Commerce.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> with Stripe's semantics on the endpoints that create orders and payments: the first
/// successful response is kept for 24 hours and replayed for the same key and parameters; the same key with other
/// parameters is 422; a request with the key still in flight makes a twin wait for its answer, and is 409 if the
/// answer does not come in time. A failed request keeps nothing, so it can be retried with the same key.
/// </summary>
internal sealed class IdempotencyFilter(string scope) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan Claim = TimeSpan.FromSeconds(60);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString().Trim();
        if (key.Length == 0)
        {
            return await next(context);
        }

        var text = http.RequestServices.GetRequiredService<IStringLocalizer>();
        if (key.Length > 100)
        {
            return TypedResults.Problem(detail: text["commerce.idempotency.key"], statusCode: StatusCodes.Status400BadRequest);
        }

        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var userId = http.User.RequiredUserId();
        var hash = Hash(context, json);
        var wait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<CommerceOptions>>().Value.IdempotencyWaitSeconds);
        await using var own = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = own.ServiceProvider.GetRequiredService<CommerceDb>();
        var deadline = clock.GetUtcNow() + wait;
        var started = DateTime.UtcNow;
        while (true)
        {
            var now = clock.GetUtcNow();
            var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
            if (record is not null && record.ExpiresAt <= now)
            {
                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(http.RequestAborted);
                continue;
            }

            if (record is null)
            {
                if (await TryClaimAsync(db, userId, key, hash, now, http.RequestAborted))
                {
                    break;
                }

                continue;
            }

            var same = record.Scope == scope && record.RequestHash == hash;
            if (record.State == IdempotencyState.Completed)
            {
                if (!same)
                {
                    return TypedResults.Problem(detail: text["commerce.idempotency.mismatch"], statusCode: StatusCodes.Status422UnprocessableEntity);
                }

                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(record.ResponseBody ?? "", "application/json", Encoding.UTF8, record.ResponseStatus);
            }

            // A claim left by a process that died is taken over; a live one is waited for, then refused.
            if (same && record.LockedUntil <= now && await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.LockedUntil == record.LockedUntil && r.State == IdempotencyState.InFlight)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.LockedUntil, now + Claim), http.RequestAborted) == 1)
            {
                break;
            }

            if (now >= deadline || DateTime.UtcNow - started >= wait)
            {
                return TypedResults.Problem(detail: text["commerce.idempotency.in_flight"], statusCode: StatusCodes.Status409Conflict);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(40), http.RequestAborted);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(db, userId, key);
            throw;
        }

        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            var body = result is IValueHttpResult value ? JsonSerializer.Serialize(value.Value, json) : "";
            await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, IdempotencyState.Completed).SetProperty(r => r.ResponseStatus, success.StatusCode ?? 200)
                    .SetProperty(r => r.ResponseBody, body), CancellationToken.None);
        }
        else
        {
            await ReleaseAsync(db, userId, key);
        }

        return result;
    }

    private async Task<bool> TryClaimAsync(CommerceDb db, long userId, string key, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserId = userId, Key = key, Scope = scope, RequestHash = hash, State = IdempotencyState.InFlight,
            LockedUntil = now + Claim, CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static Task<int> ReleaseAsync(CommerceDb db, long userId, string key) =>
        db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.State == IdempotencyState.InFlight).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>The request's parameters: route values and the bound body, in a stable JSON form.</summary>
    private string Hash(EndpointFilterInvocationContext context, JsonSerializerOptions json)
    {
        var parameters = context.Arguments
            .Where(a => a is string || (a is not null && a.GetType().Namespace?.StartsWith("Vermilion.Commerce", StringComparison.Ordinal) == true && a.GetType().Name.EndsWith("Request", StringComparison.Ordinal)))
            .Select(a => JsonSerializer.Serialize(a, a!.GetType(), json));
        var canonical = scope + "\n" + string.Join("\n", parameters);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
