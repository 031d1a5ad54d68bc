using Vermilion.Community.Feeds.Following;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Tests;

public sealed class TimelineMergeTests
{
    private static AuthorTimeline Timeline(bool truncated, params (long Ticks, long Id)[] entries) =>
        new([.. entries.Select(e => new TimelineEntry(e.Ticks, e.Id)).Order()], truncated);

    [Fact]
    public void Merge_InterleavesCreatorsNewestFirst_TiesByLargerId()
    {
        var merge = new TimelineMerge([Timeline(false, (10, 1), (30, 3), (50, 5)), Timeline(false, (20, 2), (30, 4), (60, 6))], null);

        Assert.Equal([6L, 5, 4, 3, 2, 1], merge.Next(10).Select(e => e.NoteId));
        Assert.True(merge.Exhausted);
        Assert.False(merge.Incomplete);
    }

    [Fact]
    public void Merge_StartsStrictlyAfterTheCursor()
    {
        var merge = new TimelineMerge([Timeline(false, (10, 1), (30, 3), (50, 5)), Timeline(false, (20, 2), (30, 4), (60, 6))], new Cursor(30, 4));

        Assert.Equal([3L, 2], merge.Next(2).Select(e => e.NoteId));
        Assert.Equal([1L], merge.Next(5).Select(e => e.NoteId));
    }

    [Fact]
    public void Merge_StopsWhereATruncatedTimelineRunsOut()
    {
        // The first creator has older notes than its last kept one (40): nothing past 40 can be trusted.
        var merge = new TimelineMerge([Timeline(true, (40, 4), (70, 7)), Timeline(false, (10, 1), (50, 5), (60, 6))], null);

        Assert.Equal([7L, 6, 5, 4], merge.Next(10).Select(e => e.NoteId));
        Assert.True(merge.Incomplete);
        Assert.Empty(merge.Next(10));
    }

    [Fact]
    public void Merge_IsIncompleteAtOnce_WhenTheCursorIsPastATruncatedTimeline()
    {
        var merge = new TimelineMerge([Timeline(true, (40, 4)), Timeline(false, (10, 1))], new Cursor(20, 0));

        Assert.True(merge.Incomplete);
        Assert.Empty(merge.Next(10));
    }
}
