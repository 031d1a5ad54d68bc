using Microsoft.EntityFrameworkCore;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>A hot search: the query, its place, and its decayed count now.</summary>
internal sealed record HotSearch(int Rank, string Text, double Heat);

/// <summary>The hot list (热搜榜): queries by time-decayed count, searched at least twice in the last week, none that operators blocked.</summary>
internal sealed class HotSearches(SearchDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<HotSearch>> TopAsync(int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-7);
        var rows = await db.Queries.AsNoTracking().Where(q => q.Count > 1 && q.LastAt >= since && !db.BlockedQueries.Any(b => b.Text == q.Text))
            .OrderByDescending(q => q.Heat).Take(count).ToListAsync(cancellationToken);
        return [.. rows.Select((q, i) => new HotSearch(i + 1, q.Text, Math.Round(QueryHeat.DecayedCount(q.Heat, now), 2)))];
    }
}
