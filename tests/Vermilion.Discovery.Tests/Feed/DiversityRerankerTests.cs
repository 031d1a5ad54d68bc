using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class DiversityRerankerTests
{
    private static readonly FeedOptions Options = new() { MaxPerCreatorPerPage = 2, DiversityWindow = 6, MaxPerChannelInWindow = 3, ExplorationEvery = 0 };

    private static string Kind(Candidate c) => c.Note.Channel.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Select_NeverShowsACreatorMoreThanTheCapOnAPage()
    {
        var remaining = Enumerable.Range(0, 40).Select(i => FeedFixtures.Candidate(i, author: i < 20 ? 7 : i, channel: i % 5, score: 100 - i)).ToList();

        var page = DiversityReranker.Select(remaining, new RerankState(), 20, Options, Kind);

        Assert.Equal(20, page.Count);
        Assert.Equal(2, page.Count(c => c.Note.AuthorId == 7));
        Assert.Equal([0L, 1L], page.Where(c => c.Note.AuthorId == 7).Select(c => c.Note.Id));
    }

    [Fact]
    public void Select_KeepsAnyKindUnderItsLimitInEverySlidingWindow()
    {
        // The twenty best are all channel 0; channels 1–3 score lower.
        var remaining = Enumerable.Range(0, 20).Select(i => FeedFixtures.Candidate(i, author: i, channel: 0, score: 100 - i))
            .Concat(Enumerable.Range(20, 30).Select(i => FeedFixtures.Candidate(i, author: i, channel: 1 + (i % 3), score: 50 - i))).ToList();

        var page = DiversityReranker.Select(remaining, new RerankState(), 20, Options, Kind);

        Assert.Equal(20, page.Count);
        for (var start = 0; start + 6 <= page.Count; start++)
        {
            Assert.True(page.Skip(start).Take(6).Count(c => c.Note.Channel == 0) <= 3, $"window at {start}: {string.Join(",", page.Select(c => c.Note.Channel))}");
        }

        Assert.Equal(0L, page[0].Note.Id); // the best note still comes first
    }

    [Fact]
    public void Select_ContinuesTheWindowAcrossPages()
    {
        var state = new RerankState();
        var remaining = Enumerable.Range(0, 60).Select(i => FeedFixtures.Candidate(i, author: i, channel: i < 30 ? 0 : 1, score: 100 - i)).ToList();

        var first = DiversityReranker.Select(remaining, state, 5, Options, Kind);
        var second = DiversityReranker.Select(remaining, state, 5, Options, Kind);

        var joined = first.Concat(second).ToList();
        for (var start = 0; start + 6 <= joined.Count; start++)
        {
            Assert.True(joined.Skip(start).Take(6).Count(c => c.Note.Channel == 0) <= 3);
        }
    }

    [Fact]
    public void Select_GivesEveryNthSlotToAFreshNoteToExplore()
    {
        var options = new FeedOptions { MaxPerCreatorPerPage = 20, MaxPerChannelInWindow = 20, ExplorationEvery = 5 };
        var remaining = Enumerable.Range(0, 30).Select(i => FeedFixtures.Candidate(i, author: i, channel: 0, score: 100 - i, exploration: i >= 25)).ToList();

        var page = DiversityReranker.Select(remaining, new RerankState(), 10, options, Kind);

        Assert.True(page[4].Exploration);
        Assert.True(page[9].Exploration);
        Assert.Equal(8, page.Count(c => !c.Exploration));
        Assert.Equal(25L, page[4].Note.Id); // the best of the fresh ones
    }

    [Fact]
    public void Select_LetsDiversityGiveWayBeforeThePageRunsShort()
    {
        var remaining = Enumerable.Range(0, 20).Select(i => FeedFixtures.Candidate(i, author: i, channel: 0, score: 100 - i)).ToList();

        var page = DiversityReranker.Select(remaining, new RerankState(), 10, Options, Kind);

        Assert.Equal(10, page.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), page.Select(c => c.Note.Id));
    }

    [Fact]
    public void Select_NeverBreaksTheCreatorCapEvenIfThePageRunsShort()
    {
        var remaining = Enumerable.Range(0, 10).Select(i => FeedFixtures.Candidate(i, author: 1, channel: i, score: 100 - i)).ToList();

        var page = DiversityReranker.Select(remaining, new RerankState(), 10, Options, Kind);

        Assert.Equal(2, page.Count);
        Assert.Equal(8, remaining.Count);
    }
}
