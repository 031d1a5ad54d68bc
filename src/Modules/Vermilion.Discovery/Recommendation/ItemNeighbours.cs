namespace Vermilion.Discovery.Recommendation;

/// <summary>A sparse item-to-item similarity: each item's strongest neighbours, best first, in compressed rows.</summary>
internal sealed class ItemNeighbours(int[] offsets, int[] items, float[] weights)
{
    public ReadOnlySpan<int> ItemsOf(int item) => items.AsSpan(offsets[item], offsets[item + 1] - offsets[item]);

    public ReadOnlySpan<float> WeightsOf(int item) => weights.AsSpan(offsets[item], offsets[item + 1] - offsets[item]);

    public int ItemCount => offsets.Length - 1;

    /// <summary>Assembles rows computed independently (one per item) into one compact structure.</summary>
    public static ItemNeighbours FromRows((int[] Items, float[] Weights)[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new int[rows.Length + 1];
        for (var i = 0; i < rows.Length; i++)
        {
            offsets[i + 1] = offsets[i] + rows[i].Items.Length;
        }

        var items = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].Items.CopyTo(items, offsets[i]);
            rows[i].Weights.CopyTo(weights, offsets[i]);
        }

        return new ItemNeighbours(offsets, items, weights);
    }
}
