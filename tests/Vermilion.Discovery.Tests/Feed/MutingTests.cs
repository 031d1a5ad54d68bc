using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Signals;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class MutingTests
{
    private static readonly FeedState State = FeedFixtures.State(
    [
        FeedFixtures.Note(1, 10, "美食\n探店"),
        FeedFixtures.Note(2, 11, "美食\n家常菜"),
        FeedFixtures.Note(3, 12, "旅行"),
        FeedFixtures.Note(4, 10, "旅行"),
        FeedFixtures.Note(5, 13, "美食\n探店"),
    ]);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void NotInterested_HidesTheNoteItsAuthorAndItsChannelInTheMixedFeed()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.NotInterested, 1));

        var muting = Muting.For(log, State, Week, FeedFixtures.Now);

        Assert.True(muting.Hides(Info(1), -1));
        Assert.True(muting.Hides(Info(2), -1));  // same channel
        Assert.True(muting.Hides(Info(4), -1));  // same author
        Assert.False(muting.Hides(Info(3), -1));
    }

    [Fact]
    public void NotInterested_InsideTheChannelHidesOnlyTheSameTopics()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.NotInterested, 1));
        var food = State.Catalog.Channels.IndexOf("food");

        var muting = Muting.For(log, State, Week, FeedFixtures.Now);

        Assert.True(muting.Hides(Info(5), food));   // #探店# too
        Assert.False(muting.Hides(Info(2), food));  // #家常菜#, another kind of food
    }

    [Fact]
    public void NotInterested_IsLiftedForTheChannelWhenThePersonLikesItAgain()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.NotInterested, 1, FeedFixtures.Now.AddHours(-2)));
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.Collect, 5, FeedFixtures.Now.AddHours(-1)));

        var muting = Muting.For(log, State, Week, FeedFixtures.Now);

        Assert.False(muting.Hides(Info(2), -1));
        Assert.True(muting.Hides(Info(1), -1)); // the note itself stays away
    }

    [Fact]
    public void NotInterested_ForTheChannelExpires()
    {
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(1, FeedEventKind.NotInterested, 1, FeedFixtures.Now.AddDays(-8)));

        var muting = Muting.For(log, State, Week, FeedFixtures.Now);

        Assert.False(muting.Hides(Info(2), -1));
        Assert.True(muting.Hides(Info(4), -1)); // the author, four times as long
    }

    private static Catalog.NoteInfo Info(long id) => State.Find(id)!;
}
