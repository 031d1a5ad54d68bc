using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Errors;

namespace Vermilion.Discovery.Search.Moderation;

/// <summary>A query as operators see it on the hot list, and whether it is blocked.</summary>
internal sealed record ModeratedQuery(string Text, long Count, double Heat, DateTimeOffset? BlockedAt);

/// <summary>
/// Operators' hold on the hot list (热搜管理): removing a query forgets its count (it may climb again); blocking it
/// also keeps it from ever being counted, shown on the hot list or suggested. Queries match once normalized,
/// as they are counted, so 'Anon-Spam.example ' blocks 'anon-spam.example'.
/// </summary>
internal sealed class HotSearchModeration(SearchDb db, TimeProvider clock, IStringLocalizer text)
{
    public async Task<IReadOnlyList<ModeratedQuery>> HotAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Queries.AsNoTracking().Where(q => q.Count > 1).OrderByDescending(q => q.Heat).Take(count).ToListAsync(cancellationToken);
        return [.. rows.Select(q => new ModeratedQuery(q.Text, q.Count, Math.Round(QueryHeat.DecayedCount(q.Heat, now), 2), null))];
    }

    public async Task<IReadOnlyList<ModeratedQuery>> BlockedAsync(CancellationToken cancellationToken) =>
        [.. (await db.BlockedQueries.AsNoTracking().OrderByDescending(b => b.BlockedAt).Take(500).ToListAsync(cancellationToken))
            .Select(b => new ModeratedQuery(b.Text, 0, 0, b.BlockedAt))];

    public async Task<Outcome<bool>> RemoveAsync(string? query, CancellationToken cancellationToken)
    {
        if (Normalized(query) is not { } normalized)
        {
            return Failure.Invalid("q", text["discovery.search.q_required"]);
        }

        return await db.Queries.Where(q => q.Text == normalized).ExecuteDeleteAsync(cancellationToken) > 0
            ? true
            : new Failure(FailureKind.NotFound, text["discovery.hot.not_found"]);
    }

    public async Task<Outcome<string>> BlockAsync(string? query, long operatorId, CancellationToken cancellationToken)
    {
        if (Normalized(query) is not { } normalized)
        {
            return Failure.Invalid("q", text["discovery.search.q_required"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.BlockedQueries.AnyAsync(b => b.Text == normalized, cancellationToken))
        {
            db.BlockedQueries.Add(new BlockedQuery { Text = normalized, BlockedBy = operatorId, BlockedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.Queries.Where(q => q.Text == normalized).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return normalized;
    }

    public async Task<Outcome<bool>> UnblockAsync(string? query, CancellationToken cancellationToken)
    {
        if (Normalized(query) is not { } normalized)
        {
            return Failure.Invalid("q", text["discovery.search.q_required"]);
        }

        return await db.BlockedQueries.Where(b => b.Text == normalized).ExecuteDeleteAsync(cancellationToken) > 0
            ? true
            : new Failure(FailureKind.NotFound, text["discovery.hot.not_blocked"]);
    }

    private static string? Normalized(string? query) =>
        string.IsNullOrWhiteSpace(query) ? null : SearchRecorder.Normalize(query) is { Length: > 0 } normalized ? normalized : null;
}
