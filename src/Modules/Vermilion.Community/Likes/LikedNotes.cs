using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Community.Likes;

/// <summary>
/// Which of a page's notes the reader liked, asked on every feed page. A reader's recent likes are kept in memory
/// (sorted ids) for <see cref="Life"/>; when those are all their likes, no query is needed. This node's like and
/// unlike drop the reader's entry at once, so a person always sees their own likes on the node that served them
/// (live updates already need sessions to stay on one node); other nodes catch up when the entry expires. Readers
/// with more likes than are kept are asked one fixed statement per database (the ids as one array value).
/// </summary>
internal sealed class LikedNotes(DatabaseSettings settings) : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(15);

    /// <summary>The most likes kept per reader; someone with more is asked the database.</summary>
    public const int Kept = 500;

    private const string SqliteRecent = "SELECT note_id FROM community_likes WHERE user_id = $viewer ORDER BY created_at DESC LIMIT $limit";
    private const string PostgresRecent = "SELECT note_id FROM community_likes WHERE user_id = @viewer ORDER BY created_at DESC LIMIT @limit";

    /// <summary>Bounded in units of 64 kept ids (about 50 MB at most).</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private const string SqliteText = "SELECT note_id FROM community_likes WHERE user_id = $viewer AND note_id IN (SELECT value FROM json_each($ids))";
    private const string PostgresText = "SELECT note_id FROM community_likes WHERE user_id = @viewer AND note_id = ANY(@ids)";

    public async Task<HashSet<long>> AmongAsync(CommunityDb db, long viewer, IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return [];
        }

        if (!cache.TryGetValue(viewer, out long[]? recent) || recent is null)
        {
            recent = await ReadAsync(db, settings.IsSqlite ? SqliteRecent : PostgresRecent, viewer, ("limit", Kept + 1), cancellationToken);
            Array.Sort(recent);
            cache.Set(viewer, recent, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + (recent.Length / 64) });
        }

        if (recent.Length <= Kept)
        {
            return [.. noteIds.Where(id => Array.BinarySearch(recent, id) >= 0)];
        }

        var ids = settings.IsSqlite ? "[" + string.Join(',', noteIds) + "]" : (object)noteIds.ToArray();
        return [.. await ReadAsync(db, settings.IsSqlite ? SqliteText : PostgresText, viewer, ("ids", ids), cancellationToken)];
    }

    /// <summary>Drops what is kept of a reader's likes (after they like or unlike).</summary>
    public void Forget(long viewer) => cache.Remove(viewer);

    public void Dispose() => cache.Dispose();

    private static async Task<long[]> ReadAsync(CommunityDb db, string sql, long viewer, (string Name, object Value) argument, CancellationToken cancellationToken) =>
        [.. await RawIds.ReadAsync(db, sql, cancellationToken, ("viewer", viewer), argument)];
}
