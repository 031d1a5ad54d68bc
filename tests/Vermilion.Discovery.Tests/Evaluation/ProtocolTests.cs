using Vermilion.Discovery.Evaluation.Protocols;
using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Tests.Evaluation;

public sealed class ProtocolTests
{
    private static readonly InteractionLog Sequences = Synthetic.Log(12,
        [0, 1, 2, 3, 4], [5, 6, 7], [8, 9], [10], [1, 3, 5, 7, 9, 11]);

    [Fact]
    public void LeaveOneOut_TestsTheLastItemAndTrainsOnEverythingBefore()
    {
        var split = LeaveOneOut.Split(Sequences);

        Assert.Equal(4, split.Cases.Count); // the one-item history has nothing to predict from
        foreach (var @case in split.Cases)
        {
            var full = Sequences.Users[@case.History.User].Items;
            Assert.Equal(full[^1], Assert.Single(@case.Targets));
            Assert.Equal(full[..^1], @case.History.Items);
            Assert.Equal(full[..^1], split.Train.Users[@case.History.User].Items);
        }

        Assert.Equal(ValidationHoldout.LastItem, split.Holdout);
    }

    [Fact]
    public void LeaveOneOut_TheTrainersValidationNeverSeesTheTestTarget()
    {
        var split = LeaveOneOut.Split(Sequences);

        var (fit, queries) = Holdout.Split(split.Train, new TrainingOptions { Holdout = split.Holdout });

        foreach (var @case in split.Cases)
        {
            var user = @case.History.User;
            var full = Sequences.Users[user].Items;
            Assert.DoesNotContain(full[^1], fit.Users[user].Items);
            var query = queries.SingleOrDefault(q => q.History.User == user);
            if (full.Length >= 3)
            {
                Assert.NotNull(query);
                Assert.DoesNotContain(full[^1], query!.History.Items);
                Assert.Equal([full[^2]], query!.Targets);
                Assert.Equal(full[..^2], query.History.Items);
                Assert.Equal(full[..^2], fit.Users[user].Items);
            }
        }
    }

    [Fact]
    public void RandomSplit_KeepsThreeQuartersOfEachPersonAndTestsTheRest()
    {
        var people = Enumerable.Range(0, 50).Select(u => Enumerable.Range(u % 7, 8 + u % 5).ToArray()).ToArray();
        var log = Synthetic.Log(30, people);

        var split = RandomSplit.Split(log, 42);

        foreach (var @case in split.Cases)
        {
            var full = log.Users[@case.History.User].Items;
            var train = split.Train.Users[@case.History.User].Items;
            Assert.Equal((int)Math.Round(full.Length * 0.75, MidpointRounding.AwayFromZero), train.Length);
            Assert.Empty(@case.Targets.Intersect(train));
            Assert.Equal(full.Order(), train.Concat(@case.Targets).Order());
            Assert.Equal(train, full.Where(train.Contains)); // training keeps time order
        }

        Assert.Equal(50, split.Cases.Count);
        Assert.Equal(split.Cases.Select(c => c.Targets), RandomSplit.Split(log, 42).Cases.Select(c => c.Targets));
    }

    [Fact]
    public void RandomHoldout_ValidationTargetsAreNotInTheFitLog()
    {
        var split = RandomSplit.Split(Synthetic.Log(30, [.. Enumerable.Range(0, 40).Select(u => Enumerable.Range(u % 9, 12).ToArray())]), 1);

        var (fit, queries) = Holdout.Split(split.Train, new TrainingOptions { Holdout = split.Holdout, HoldoutFraction = split.HoldoutFraction });

        Assert.NotEmpty(queries);
        foreach (var query in queries)
        {
            Assert.Empty(query.Targets.Intersect(fit.Users[query.History.User].Items));
            Assert.Equal(fit.Users[query.History.User].Items, query.History.Items);
            var test = split.Cases.Single(c => c.History.User == query.History.User).Targets;
            Assert.Empty(test.Intersect(query.History.Items));
            Assert.Empty(test.Intersect(query.Targets));
        }
    }

    [Fact]
    public void GivenSplit_RanksEachTestPersonsItemsFromTheirTrainingHistory()
    {
        var train = Synthetic.Log(6, [0, 1], [2, 3], [4]);
        var test = Synthetic.Log(6, [5, 2], [], [5, 5]);

        var split = GivenSplit.Split(train, test);

        Assert.Equal(2, split.Cases.Count);
        Assert.Equal([5, 2], split.Cases[0].Targets);
        Assert.Equal([0, 1], split.Cases[0].History.Items);
        Assert.Equal([5], split.Cases[1].Targets);
        Assert.Same(train, split.Train);
    }
}
