using Vermilion.Discovery.Evaluation.Data;

namespace Vermilion.Discovery.Tests.Evaluation;

public sealed class DatasetFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vermilion-data-").FullName;

    [Fact]
    public async Task SequenceLines_BecomeTimeOrderedHistories()
    {
        var path = Write("Shop.txt", "u1 10 11 12\nu2 11 13\n");

        var (data, test) = await Dataset.LoadAsync(path, null, CancellationToken.None);

        Assert.Equal(DatasetFormat.Sequences, data.Format);
        Assert.Null(test);
        Assert.Equal(2, data.Users.Count);
        Assert.Equal(4, data.Items.Count);
        Assert.Equal(["10", "11", "12"], data.Log.Users[0].Items.Select(data.Items.TokenOf));
        Assert.Equal(["11", "13"], data.Log.Users[1].Items.Select(data.Items.TokenOf));
        Assert.Null(data.ItemAttributes);
    }

    [Fact]
    public async Task AtomicFile_IsSortedByTimestampPerUser()
    {
        var path = Write("movies.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n" +
            "7\t100\t3\t300\n7\t200\t5\t100\n8\t100\t1\t50\n7\t300\t4\t200\n");

        var (data, _) = await Dataset.LoadAsync(path, null, CancellationToken.None);

        Assert.Equal(DatasetFormat.Atomic, data.Format);
        Assert.Equal(["200", "300", "100"], data.Log.Users[data.Users.IndexOf("7")].Items.Select(data.Items.TokenOf));
        Assert.Equal([100L, 200, 300], data.Log.Users[data.Users.IndexOf("7")].Times);
        Assert.Equal(4, data.Log.InteractionCount);
    }

    [Fact]
    public async Task PairsWithATestFile_ShareOneIndexSpace()
    {
        var train = Write("train.txt", "1\t5\t90\n1\t6\t3\n2\t5\t10\n");
        var testFile = Write("test.txt", "1\t7\t4\n2\t6\t1\n");

        var (data, test) = await Dataset.LoadAsync(train, testFile, CancellationToken.None);

        Assert.Equal(DatasetFormat.Pairs, data.Format);
        Assert.NotNull(test);
        Assert.Equal(3, data.Items.Count);
        Assert.Equal(3, data.Log.InteractionCount);
        Assert.Equal(["7"], test!.Users[data.Users.IndexOf("1")].Items.Select(data.Items.TokenOf));
        Assert.Equal(["6"], test.Users[data.Users.IndexOf("2")].Items.Select(data.Items.TokenOf));
    }

    [Fact]
    public async Task AttributesBesideTheData_AreReadPerItem()
    {
        var path = Write("Shop.txt", "u1 10 11\nu2 12\n");
        Write("Shop_item2attributes.json", """{"10": [1, 2], "12": [2], "99": [3]}""");

        var (data, _) = await Dataset.LoadAsync(path, null, CancellationToken.None);

        var attributes = data.ItemAttributes!;
        Assert.Equal(3, attributes.Count);
        Assert.Equal(2, attributes[data.Items.IndexOf("10")].Length);
        Assert.Empty(attributes[data.Items.IndexOf("11")]);
        Assert.Equal(attributes[data.Items.IndexOf("10")][1], attributes[data.Items.IndexOf("12")][0]);
    }

    [Fact]
    public async Task AMalformedPairLine_IsReportedWithItsLineNumber()
    {
        var path = Write("broken.txt", "1\t5\n2\n");

        var error = await Assert.ThrowsAsync<FormatException>(() => Dataset.LoadAsync(path, null, CancellationToken.None));

        Assert.Contains("broken.txt:2", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
