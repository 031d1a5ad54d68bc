using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Feeds.Following;

/// <summary>A note's place in a creator's timeline: its publish time (UTC ticks) and id, newest first.</summary>
internal readonly record struct TimelineEntry(long Ticks, long NoteId) : IComparable<TimelineEntry>
{
    /// <summary>Orders newest first, the feed's order: a later time first, then the larger id.</summary>
    public int CompareTo(TimelineEntry other) => Ticks != other.Ticks ? other.Ticks.CompareTo(Ticks) : other.NoteId.CompareTo(NoteId);

    /// <summary>Whether this entry comes after the cursor in the feed (is older than it).</summary>
    public bool IsAfter(Cursor cursor) => Ticks < cursor.Key || (Ticks == cursor.Key && NoteId < cursor.Id);
}

/// <summary>
/// A creator's notes as this node last read them, newest first. <see cref="Truncated"/> means older notes exist
/// beyond the last entry that were not kept.
/// </summary>
internal sealed record AuthorTimeline(TimelineEntry[] Entries, bool Truncated);

/// <summary>
/// Merges several creators' timelines into one newest-first stream, starting after a cursor. It stops, marked
/// <see cref="Incomplete"/>, where a truncated timeline runs out: past that point a note the memory does not hold
/// could belong next, and only the database can answer.
/// </summary>
internal sealed class TimelineMerge
{
    private readonly IReadOnlyList<AuthorTimeline> _timelines;
    private readonly PriorityQueue<(int Timeline, int Position), TimelineEntry> _heads = new();

    public TimelineMerge(IReadOnlyList<AuthorTimeline> timelines, Cursor? after)
    {
        _timelines = timelines;
        for (var t = 0; t < timelines.Count; t++)
        {
            var entries = timelines[t].Entries;
            var start = after is { } cursor ? FirstAfter(entries, cursor) : 0;
            if (start < entries.Length)
            {
                _heads.Enqueue((t, start), entries[start]);
            }
            else if (timelines[t].Truncated)
            {
                Incomplete = true;
            }
        }
    }

    /// <summary>True when the stream stopped because memory cannot say what comes next.</summary>
    public bool Incomplete { get; private set; }

    /// <summary>True when every timeline is read to its end.</summary>
    public bool Exhausted => _heads.Count == 0;

    /// <summary>The next entries of the merged stream, at most <paramref name="count"/>.</summary>
    public List<TimelineEntry> Next(int count)
    {
        var taken = new List<TimelineEntry>(count);
        while (taken.Count < count && !Incomplete && _heads.TryDequeue(out var head, out var entry))
        {
            taken.Add(entry);
            var entries = _timelines[head.Timeline].Entries;
            var next = head.Position + 1;
            if (next < entries.Length)
            {
                _heads.Enqueue((head.Timeline, next), entries[next]);
            }
            else if (_timelines[head.Timeline].Truncated)
            {
                Incomplete = true;
            }
        }

        return taken;
    }

    /// <summary>The index of the first entry older than the cursor (entries are newest first).</summary>
    private static int FirstAfter(TimelineEntry[] entries, Cursor cursor)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (entries[middle].IsAfter(cursor))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
