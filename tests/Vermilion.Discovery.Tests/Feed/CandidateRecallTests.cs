using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Contracts;
using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Tests.Feed;

public sealed class CandidateRecallTests
{
    // Notes 1–10 food (authors 100–109), 11–20 travel (authors 110–119); the higher the id, the more liked.
    private static readonly FeedNote[] Notes =
    [
        .. Enumerable.Range(1, 10).Select(i => FeedFixtures.Note(i, 99 + i, "美食", title: $"美食{i}", likes: i * 10, city: "杭州")),
        .. Enumerable.Range(11, 10).Select(i => FeedFixtures.Note(i, 99 + i, "旅行", title: $"旅行{i}", likes: i * 10, city: "上海")),
    ];

    [Fact]
    public void ANewPerson_GetsTheBestOfWhatTheyPickedAtSignUp_SayingSo()
    {
        var state = FeedFixtures.State(Notes);
        var context = FeedFixtures.Context(state, profile: Profile(interests: ["美食"]));

        var ranked = FeedRanking.Rank(context, NeutralTrust.Instance);

        Assert.All(ranked.Take(5), c => Assert.Equal("美食", c.Note.Topics[0]));
        Assert.Equal(ReasonKind.Interest, ranked[0].Reason);
        Assert.Equal("美食", ranked[0].ReasonArgument);
    }

    [Fact]
    public void FollowedPeople_BringTheirNotes_SayingSo()
    {
        var state = FeedFixtures.State(Notes);
        var context = FeedFixtures.Context(state, profile: Profile(following: [101]));

        var found = CandidateRecall.Gather(context);

        Assert.Equal(ReasonKind.Following, found[2].Reason);
        Assert.Equal(1, found[2].Features[FeedFeatures.Following]);
    }

    [Fact]
    public void SeenOwnAndBlockedNotes_AreNeverCandidates()
    {
        var state = FeedFixtures.State(Notes);
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(100, FeedEventKind.Impression, 20));
        var context = FeedFixtures.Context(state, viewer: 100, profile: Profile(blocked: [118]), log: log);

        var found = CandidateRecall.Gather(context);

        Assert.DoesNotContain(1L, found.Keys);   // their own
        Assert.DoesNotContain(20L, found.Keys);  // seen
        Assert.DoesNotContain(19L, found.Keys);  // blocked author
        Assert.Contains(18L, found.Keys);
    }

    [Fact]
    public void AChannelTab_OffersOnlyThatChannel()
    {
        var state = FeedFixtures.State(Notes);
        var context = FeedFixtures.Context(state, channel: state.Catalog.Channels.IndexOf("travel"));

        var found = CandidateRecall.Gather(context);

        Assert.NotEmpty(found);
        Assert.All(found.Values, c => Assert.Equal("旅行", c.Note.Topics[0]));
        Assert.All(found.Values, c => Assert.Equal(ReasonKind.ChannelTrending, c.Reason));
    }

    [Fact]
    public void PrecomputedCandidates_NameTheNoteThatLedToThem()
    {
        var model = Model(users: new Dictionary<long, UserCandidates>
        {
            [7] = new([13, 4], [2f, 1f], [EngineReason.Similar, EngineReason.Popular], [11, -1], [11], [(byte)FeedEventKind.Collect]),
        });
        var state = FeedFixtures.State(Notes, model);

        var found = CandidateRecall.Gather(FeedFixtures.Context(state, viewer: 7));

        Assert.Equal(ReasonKind.Collected, found[14].Reason);
        Assert.Equal("旅行12", found[14].ReasonArgument); // index 11 is note 12
        Assert.Equal(1f, found[14].Features[FeedFeatures.CacheScore]);
        Assert.Equal(ReasonKind.Trending, found[5].Reason);
    }

    [Fact]
    public void ALikeSinceTraining_BringsItsNeighboursAtOnce()
    {
        var rows = new (int[], float[])[20];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i == 2 ? ([7, 8], [0.9f, 0.5f]) : ([], []);
        }

        var state = FeedFixtures.State(Notes, Model(neighbours: ItemNeighbours.FromRows(rows)));
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(7, FeedEventKind.Like, 3));

        var found = CandidateRecall.Gather(FeedFixtures.Context(state, viewer: 7, log: log));

        Assert.Equal(ReasonKind.Liked, found[8].Reason);
        Assert.Equal("美食3", found[8].ReasonArgument);
        Assert.Equal(1f, found[8].Features[FeedFeatures.Related]);
        Assert.True(found[9].Features[FeedFeatures.Related] is > 0 and < 1);
    }

    [Fact]
    public void ASearch_BringsNotesOfTheTopicItNames()
    {
        var state = FeedFixtures.State(Notes);
        var log = new ViewerLog();
        log.Apply(FeedFixtures.Signal(7, FeedEventKind.Search, 0, query: "上海旅行"));

        var found = CandidateRecall.Gather(FeedFixtures.Context(state, viewer: 7, log: log));

        Assert.Equal(ReasonKind.Search, found[20].Reason);
        Assert.Equal("上海旅行", found[20].ReasonArgument);
    }

    [Fact]
    public void ZeroTrust_KeepsACreatorOut()
    {
        var state = FeedFixtures.State(Notes);

        var ranked = FeedRanking.Rank(FeedFixtures.Context(state), new Distrust(119));

        Assert.DoesNotContain(ranked, c => c.Note.AuthorId == 119);
        Assert.Contains(ranked, c => c.Note.AuthorId == 118);
    }

    private static ViewerProfile Profile(string[]? interests = null, long[]? following = null, long[]? blocked = null) =>
        new(interests ?? [], "", (following ?? []).ToHashSet(), (blocked ?? []).ToHashSet());

    private static FeedModel Model(IReadOnlyDictionary<long, UserCandidates>? users = null, ItemNeighbours? neighbours = null) => new()
    {
        TrainedAt = FeedFixtures.Now,
        SignalWatermark = 0,
        NoteIds = [.. Notes.Select(n => n.Id)],
        Popularity = [.. Notes.Select(n => (float)n.Likes)],
        Users = users ?? new Dictionary<long, UserCandidates>(),
        Neighbours = neighbours,
        Ranker = ObjectiveModel.Prior,
    };

    private sealed class Distrust(long creator) : ICreatorTrust
    {
        public double WeightOf(long creatorId) => creatorId == creator ? 0 : 1;
    }
}
