using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Tests.Feed;

namespace Vermilion.Discovery.Tests.Signals;

public sealed class ViewerLogTests
{
    [Fact]
    public void Positives_KeepTheStrongestWayOfLikingANoteNewestFirst()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Like, 1, FeedFixtures.Now.AddMinutes(-3)));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Click, 2, FeedFixtures.Now.AddMinutes(-2)));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Collect, 1, FeedFixtures.Now.AddMinutes(-1)));

        var positives = log.Positives();

        Assert.Equal([1L, 2L], positives.Select(p => p.NoteId));
        Assert.Equal(FeedEventKind.Collect, positives[0].Kind);
    }

    [Fact]
    public void Unlike_TakesTheLikeBack()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Like, 1));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Unlike, 1));

        Assert.Empty(log.Positives());
    }

    [Fact]
    public void ShortDwellsAndImpressionsAreNotTaste_ButTheyAreSeen()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Impression, 1));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Dwell, 2, value: 3));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Dwell, 3, value: 45));

        Assert.Equal([3L], log.Positives().Select(p => p.NoteId));
        Assert.True(log.HasSeen(1));
        Assert.True(log.HasSeen(3));
    }

    [Fact]
    public void Served_IsRememberedAndForgottenOldestFirst()
    {
        var log = new ViewerLog();
        log.Serve(Enumerable.Range(1, ViewerLog.MaxServed + 10).Select(i => (long)i));

        Assert.False(log.HasSeen(5));
        Assert.True(log.HasSeen(ViewerLog.MaxServed + 10));
    }

    [Fact]
    public void Searches_AreKeptNewestFirstWithoutRepeats()
    {
        var log = new ViewerLog();
        foreach (var query in new[] { "露营", "分手复合技巧", "露营" })
        {
            log.Apply(FeedFixtures.Signal(1, FeedEventKind.Search, 0, query: query));
        }

        Assert.Equal(["露营", "分手复合技巧"], log.Searches().Select(s => s.Query));
    }
}
