namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// One person's interactions in time order: what the engine recommends from. Items are dense indexes into the
/// model's item space; times are whatever clock the log used (positions when the source had none).
/// </summary>
internal sealed class UserHistory
{
    public UserHistory(int user, int[] items, long[]? times = null, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (times is not null && times.Length != items.Length || weights is not null && weights.Length != items.Length)
        {
            throw new ArgumentException("Times and weights must match the items one to one.");
        }

        User = user;
        Items = items;
        Times = times ?? PositionsOf(items.Length);
        Weights = weights ?? OnesOf(items.Length);
    }

    /// <summary>The person's index in the training log, or -1 for someone the model has not seen.</summary>
    public int User { get; }

    public int[] Items { get; }

    public long[] Times { get; }

    public float[] Weights { get; }

    public int Count => Items.Length;

    /// <summary>The first <paramref name="count"/> interactions: the history as it was before the rest happened.</summary>
    public UserHistory Take(int count) =>
        count >= Count ? this : new UserHistory(User, Items[..count], Times[..count], Weights[..count]);

    /// <summary>The interactions whose positions are not listed, in their original order.</summary>
    public UserHistory Without(IReadOnlySet<int> positions)
    {
        var keep = Enumerable.Range(0, Count).Where(p => !positions.Contains(p)).ToArray();
        return new UserHistory(User, [.. keep.Select(p => Items[p])], [.. keep.Select(p => Times[p])], [.. keep.Select(p => Weights[p])]);
    }

    private static long[] PositionsOf(int count)
    {
        var positions = new long[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = i;
        }

        return positions;
    }

    private static float[] OnesOf(int count)
    {
        var ones = new float[count];
        Array.Fill(ones, 1f);
        return ones;
    }
}
