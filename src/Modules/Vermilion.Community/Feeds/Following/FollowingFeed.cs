using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Feeds.Following;

/// <summary>
/// The following feed served from memory: the followed creators' timelines merged newest first, then only the
/// page's notes read by id, each checked again (published, its time come, not private). Answers null when memory
/// cannot fill the page correctly (a prolific creator's older notes are not kept); the caller asks the database.
/// </summary>
internal sealed class FollowingFeed(CommunityDb db, TimelineCache timelines, NoteQueries notes, TimeProvider clock)
{
    /// <summary>Entries read beyond the page, so a note deleted or hidden since rarely costs a second read.</summary>
    private const int Spare = 4;

    public async Task<Page<NoteCard>?> PageAsync(long reader, Cursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var followees = await timelines.FolloweesAsync(db, reader, cancellationToken);
        var merge = new TimelineMerge(await timelines.TimelinesAsync(db, followees, cancellationToken), after);
        var now = clock.GetUtcNow();
        var want = pageSize + 1;
        var shown = new List<Note>(want);
        while (shown.Count < want)
        {
            var next = merge.Next(want - shown.Count + Spare);
            if (next.Count == 0)
            {
                break;
            }

            var ids = next.Select(e => e.NoteId).ToList();
            // Followers-only notes are visible here by construction: the reader follows every creator merged.
            var found = await db.Notes.AsNoTracking()
                .Where(n => ids.Contains(n.Id) && n.Status == NoteStatus.Published && n.PublishAt <= now && n.Privacy != Privacy.OnlyMe)
                .ToDictionaryAsync(n => n.Id, cancellationToken);
            shown.AddRange(next.Where(e => found.ContainsKey(e.NoteId)).Select(e => found[e.NoteId]).Take(want - shown.Count));
        }

        if (shown.Count < want && merge.Incomplete)
        {
            return null;
        }

        var more = shown.Count > pageSize;
        if (more)
        {
            shown.RemoveAt(pageSize);
        }

        var cards = await notes.CardsAsync(shown, reader, cancellationToken);
        return new Page<NoteCard>(cards, more ? new Cursor(shown[^1].PublishAt.UtcTicks, shown[^1].Id).Encode() : null);
    }
}
