using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Follows;

namespace Vermilion.Community.Notes;

internal enum NoteCounter
{
    Likes,
    Collects,
}

/// <summary>
/// Moves a note's like or collect count together with its author's "received" count. A popular note's row is
/// the hottest lock on the platform, so both updates go in one round trip as the last step before commit:
/// the lock is held for one statement, not for the whole use case.
/// </summary>
internal static class NoteCounters
{
    private const string Likes =
        "UPDATE community_notes SET like_count = like_count + {0} WHERE id = {1}; " +
        "UPDATE community_user_stats SET likes_received = likes_received + {0} WHERE user_id = {2}";

    private const string Collects =
        "UPDATE community_notes SET collect_count = collect_count + {0} WHERE id = {1}; " +
        "UPDATE community_user_stats SET collects_received = collects_received + {0} WHERE user_id = {2}";

    public static async Task MoveAsync(CommunityDb db, long noteId, long authorId, NoteCounter counter, int delta, CancellationToken cancellationToken)
    {
        await Stats.EnsureAsync(db, authorId, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(counter == NoteCounter.Likes ? Likes : Collects, [delta, noteId, authorId], cancellationToken);
    }
}
