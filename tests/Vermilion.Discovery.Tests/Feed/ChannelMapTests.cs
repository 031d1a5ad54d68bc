using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Feed;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class ChannelMapTests
{
    private static readonly ChannelDefinition[] Channels = [new("food", "美食"), new("travel", "旅行")];

    [Fact]
    public void Learn_PutsATopicInTheChannelItIsUsedWithMost()
    {
        var map = ChannelMap.Learn(Channels, [["美食", "探店"], ["美食", "探店"], ["旅行", "探店"], ["旅行", "露营"], ["旅行", "露营"]]);

        Assert.Equal(0, map.OfTopic("探店"));
        Assert.Equal(1, map.OfTopic("露营"));
        Assert.Equal(0, map.OfNote(["探店"], ""));
        Assert.Equal(1, map.OfNote(["露营", "随便"], ""));
    }

    [Fact]
    public void OfNote_LetsTheChannelsOwnTopicDecide() =>
        Assert.Equal(1, ChannelMap.Learn(Channels, [["美食", "探店"], ["美食", "探店"]]).OfNote(["探店", "旅行"], ""));

    [Fact]
    public void OfNote_FallsBackToTheTitleAndThenToNoChannel()
    {
        var map = ChannelMap.Learn(Channels, []);

        Assert.Equal(1, map.OfNote([], "三天两晚旅行攻略"));
        Assert.Equal(-1, map.OfNote(["摄影"], "随手拍"));
    }

    [Fact]
    public void Learn_IgnoresATopicSeenWithAChannelOnlyOnce() =>
        Assert.Equal(-1, ChannelMap.Learn(Channels, [["美食", "摄影"]]).OfTopic("摄影"));
}
