using Microsoft.EntityFrameworkCore;

namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>A person's own recent searches (搜索历史): newest first; one or all can be deleted.</summary>
internal sealed class SearchHistory(SearchDb db)
{
    public const int Shown = 20;

    public async Task<IReadOnlyList<string>> RecentAsync(long userId, CancellationToken cancellationToken) =>
        await db.History.AsNoTracking().Where(h => h.UserId == userId).OrderByDescending(h => h.SearchedAt)
            .Take(Shown).Select(h => h.Text).ToListAsync(cancellationToken);

    public async Task<bool> DeleteAsync(long userId, string text, CancellationToken cancellationToken)
    {
        var normalized = SearchRecorder.Normalize(text);
        return await db.History.Where(h => h.UserId == userId && h.Text == normalized).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<int> ClearAsync(long userId, CancellationToken cancellationToken) =>
        await db.History.Where(h => h.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
