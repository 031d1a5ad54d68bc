using Microsoft.Extensions.Caching.Memory;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Likes;

/// <summary>
/// Which of some notes a reader has acted on (liked, collected), asked on every feed page and note page. A reader's
/// most recent ones are kept in memory (sorted ids) for <see cref="Life"/>; when those are all of them, no query is
/// needed. This node's writes drop the reader's entry at once, so a person always sees their own actions on the
/// node that served them (live updates already need sessions to stay on one node); other nodes catch up when the
/// entry expires. Readers with more than are kept are asked one fixed statement per database (the ids as one
/// array value).
/// </summary>
/// <param name="table">The table of (user_id, note_id, created_at) rows this set reads.</param>
internal abstract class ReaderNoteSet(DatabaseSettings settings, string table) : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(15);

    /// <summary>The most ids kept per reader; someone with more is asked the database.</summary>
    public const int Kept = 500;

    private readonly string recent = settings.IsSqlite
        ? $"SELECT note_id FROM {table} WHERE user_id = $viewer ORDER BY created_at DESC LIMIT $limit"
        : $"SELECT note_id FROM {table} WHERE user_id = @viewer ORDER BY created_at DESC LIMIT @limit";

    private readonly string among = settings.IsSqlite
        ? $"SELECT note_id FROM {table} WHERE user_id = $viewer AND note_id IN (SELECT value FROM json_each($ids))"
        : $"SELECT note_id FROM {table} WHERE user_id = @viewer AND note_id = ANY(@ids)";

    /// <summary>Bounded in units of 64 kept ids (about 50 MB at most).</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<HashSet<long>> AmongAsync(CommunityDb db, long viewer, IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        if (!cache.TryGetValue(viewer, out long[]? kept) || kept is null)
        {
            kept = [.. await RawIds.ReadAsync(db, recent, cancellationToken, ("viewer", viewer), ("limit", Kept + 1))];
            Array.Sort(kept);
            cache.Set(viewer, kept, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + (kept.Length / 64) });
        }

        if (kept.Length <= Kept)
        {
            return [.. noteIds.Where(id => Array.BinarySearch(kept, id) >= 0)];
        }

        return [.. await RawIds.ReadAsync(db, among, cancellationToken, ("viewer", viewer), ("ids", RawIds.List(settings, noteIds)))];
    }

    /// <summary>Drops what is kept of a reader's set (after they act on a note).</summary>
    public void Forget(long viewer) => cache.Remove(viewer);

    public void Dispose() => cache.Dispose();
}
