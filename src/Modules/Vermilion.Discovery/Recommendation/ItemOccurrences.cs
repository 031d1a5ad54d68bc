namespace Vermilion.Discovery.Recommendation;

/// <summary>
/// Where each item occurs: (user, position) pairs grouped by item, in compressed rows. The shared index behind
/// item-to-item and neighbour sources.
/// </summary>
internal sealed class ItemOccurrences
{
    private ItemOccurrences(int[] offsets, int[] users, int[] positions)
    {
        Offsets = offsets;
        Users = users;
        Positions = positions;
    }

    public int[] Offsets { get; }

    public int[] Users { get; }

    public int[] Positions { get; }

    public int CountOf(int item) => Offsets[item + 1] - Offsets[item];

    public static ItemOccurrences Build(InteractionLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var offsets = new int[log.ItemCount + 1];
        foreach (var user in log.Users)
        {
            foreach (var item in user.Items)
            {
                offsets[item + 1]++;
            }
        }

        for (var i = 0; i < log.ItemCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var next = offsets[..^1].ToArray();
        var users = new int[log.InteractionCount];
        var positions = new int[log.InteractionCount];
        foreach (var user in log.Users)
        {
            for (var p = 0; p < user.Count; p++)
            {
                var at = next[user.Items[p]]++;
                users[at] = user.User;
                positions[at] = p;
            }
        }

        return new ItemOccurrences(offsets, users, positions);
    }
}
