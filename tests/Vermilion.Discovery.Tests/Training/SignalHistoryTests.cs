using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Tests.Training;

public sealed class SignalHistoryTests
{
    [Fact]
    public void Opinions_AreWhatThePersonFinallyThinks_InTheOrderTheyFirstShowedIt()
    {
        var history = new SignalHistory(1);
        history.Add(note: 5, FeedEventKind.Click, at: 10, null, null);
        history.Add(note: 3, FeedEventKind.Like, at: 20, null, null);
        history.Add(note: 5, FeedEventKind.Collect, at: 30, null, null);
        history.Add(note: 3, FeedEventKind.Unlike, at: 40, null, null);
        history.Add(note: 8, FeedEventKind.Like, at: 50, null, null);
        history.Add(note: 8, FeedEventKind.NotInterested, at: 60, null, null);
        history.Add(note: 9, FeedEventKind.Impression, at: 70, null, null);

        var opinions = history.Opinions();

        Assert.Equal([5, 8, 9], opinions.Select(o => o.Note)); // the like of 3 was taken back: no opinion left
        Assert.Equal(FeedEventKind.Collect, opinions[0].Strongest);
        Assert.True(opinions[1].NotInterested);
        Assert.Equal(0, opinions[1].Weight);
        Assert.True(opinions[2].Impressed);
        Assert.Equal(0, opinions[2].Weight);
    }

    [Fact]
    public void RankingExamples_LabelAnImpressionWithWhatFollowedWithinADay()
    {
        var features = FeedFeatures.ToBytes(Enumerable.Repeat(0.5f, FeedFeatures.Count).ToArray());
        var history = new SignalHistory(1);
        history.Add(4, FeedEventKind.Impression, TimeSpan.TicksPerHour, null, features);
        history.Add(4, FeedEventKind.Dwell, 2 * TimeSpan.TicksPerHour, 40, null);
        history.Add(4, FeedEventKind.Collect, 3 * TimeSpan.TicksPerHour, null, null);
        history.Add(4, FeedEventKind.Like, 3 * TimeSpan.TicksPerDay, null, null);
        history.Add(6, FeedEventKind.Impression, TimeSpan.TicksPerHour, null, features);
        history.Add(7, FeedEventKind.Impression, TimeSpan.TicksPerHour, null, null);

        var examples = history.RankingExamples().ToList();

        Assert.Equal(2, examples.Count); // the impression without features teaches nothing
        Assert.Equal([true, true, false, true, false], examples[0].Outcomes);
        Assert.Equal([false, false, false, false, false], examples[1].Outcomes);
        Assert.Equal(0.5f, examples[0].Features[3]);
    }
}
