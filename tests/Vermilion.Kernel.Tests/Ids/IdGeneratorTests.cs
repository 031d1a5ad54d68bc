using Vermilion.Kernel.Ids;
using Vermilion.Testing;

namespace Vermilion.Kernel.Tests.Ids;

public sealed class IdGeneratorTests
{
    [Fact]
    public void Next_ManyInOneMillisecond_AreUniqueAndIncreasing()
    {
        var generator = new IdGenerator(new ManualClock(), node: 3);

        var ids = Enumerable.Range(0, 20_000).Select(_ => generator.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Zip(ids.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Next_WhenTheClockStepsBack_NeverRepeats()
    {
        var clock = new ManualClock();
        var generator = new IdGenerator(clock, node: 0);
        var before = generator.Next();

        clock.Advance(TimeSpan.FromSeconds(-5));
        var after = generator.Next();

        Assert.True(after > before);
    }

    [Fact]
    public void TimeOf_ReadsTheMillisecondBack()
    {
        var clock = new ManualClock();
        var id = new IdGenerator(clock, node: 1023).Next();

        Assert.Equal(clock.GetUtcNow(), IdGenerator.TimeOf(id));
    }

    [Fact]
    public void Nodes_NeverCollide()
    {
        var clock = new ManualClock();
        var a = new IdGenerator(clock, 1);
        var b = new IdGenerator(clock, 2);

        var ids = Enumerable.Range(0, 1000).SelectMany(_ => new[] { a.Next(), b.Next() }).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    public void Node_OutOfRange_IsRefused(int node) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdGenerator(TimeProvider.System, node));
}
