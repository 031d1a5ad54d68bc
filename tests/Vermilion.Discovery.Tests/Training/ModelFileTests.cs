using Vermilion.Discovery.Recommendation;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Tests.Training;

public sealed class ModelFileTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "vermilion-model-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SaveAndLoad_GiveBackTheSameModel()
    {
        var model = new FeedModel
        {
            TrainedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            SignalWatermark = 1234,
            NoteIds = [10, 20, 30],
            Popularity = [1.5f, 0, 3],
            Users = new Dictionary<long, UserCandidates> { [7] = new([2, 0], [0.9f, 0.1f], [EngineReason.Similar, EngineReason.Popular], [1, -1], [1], [5]) },
            Neighbours = ItemNeighbours.FromRows([([1, 2], [0.5f, 0.25f]), ([], []), ([0], [1f])]),
            Ranker = ObjectiveModel.Prior,
            Summary = "test run",
        };

        var path = await ModelFile.SaveAsync(model, directory, CancellationToken.None);
        var loaded = ModelFile.Load(ModelFile.Newest(directory)!)!;

        Assert.Equal(path, ModelFile.Newest(directory));
        Assert.Equal(model.TrainedAt, loaded.TrainedAt);
        Assert.Equal(1234, loaded.SignalWatermark);
        Assert.Equal(model.NoteIds, loaded.NoteIds);
        Assert.Equal(model.Popularity, loaded.Popularity);
        Assert.Equal([2, 0], loaded.Users[7].Items);
        Assert.Equal([EngineReason.Similar, EngineReason.Popular], loaded.Users[7].Reasons);
        Assert.Equal([5], loaded.Users[7].RecentKinds);
        Assert.Equal([1, 2], loaded.Neighbours!.ItemsOf(0).ToArray());
        Assert.Equal([1f], loaded.Neighbours.WeightsOf(2).ToArray());
        Assert.Equal(ObjectiveModel.Prior.Weights[3], loaded.Ranker.Weights[3]);
        Assert.Equal("test run", loaded.Summary);
    }

    [Fact]
    public async Task Save_KeepsTheNewestTwo()
    {
        foreach (var day in new[] { 1, 2, 3 })
        {
            await ModelFile.SaveAsync(new FeedModel
            {
                TrainedAt = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero),
                SignalWatermark = 0,
                NoteIds = [],
                Popularity = [],
                Users = new Dictionary<long, UserCandidates>(),
                Ranker = ObjectiveModel.Prior,
            }, directory, CancellationToken.None);
        }

        Assert.Equal(2, Directory.GetFiles(ModelFile.Directory(directory)).Length);
        Assert.Equal(3, ModelFile.Load(ModelFile.Newest(directory)!)!.TrainedAt.Day);
    }

    [Fact]
    public void SignalIds_FloorMatchesTheKernelsIds()
    {
        var clock = new Vermilion.Testing.ManualClock(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero));
        var id = new Vermilion.Kernel.Ids.IdGenerator(clock, 5).Next();

        Assert.True(SignalIds.Floor(clock.GetUtcNow()) <= id);
        Assert.True(SignalIds.Floor(clock.GetUtcNow().AddMilliseconds(1)) > id);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
