using Vermilion.Community.Contracts;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Feeds.Following;

/// <summary>
/// The following feed served from memory: the followed creators' timelines merged newest first, then the page's
/// notes by id from the row cache, each checked again with the same rule as every list (published, its time come,
/// not private, no block). Answers null when memory
/// cannot fill the page correctly (a prolific creator's older notes are not kept); the caller asks the database.
/// </summary>
internal sealed class FollowingFeed(CommunityDb db, TimelineCache timelines, NoteRowCache rows, NoteQueries notes, TimeProvider clock)
{
    /// <summary>Entries read beyond the page, so a note deleted or hidden since rarely costs a second read.</summary>
    private const int Spare = 4;

    public async Task<Page<NoteCard>?> PageAsync(long reader, Cursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var graph = await timelines.GraphAsync(db, reader, cancellationToken);
        var merge = new TimelineMerge(await timelines.TimelinesAsync(db, [.. graph.Followees], cancellationToken), after);
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

            var found = await rows.GetAsync(db, [.. next.Select(e => e.NoteId)], cancellationToken);
            shown.AddRange(next.Select(e => found.GetValueOrDefault(e.NoteId)).OfType<Note>()
                .Where(n => Visibility.Allows(n, reader, graph, now)).Take(want - shown.Count));
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
