namespace Vermilion.Discovery.Recommendation;

/// <summary>One interaction: a person did something with an item at a time, with a strength (a like outweighs a view).</summary>
internal readonly record struct Interaction(int User, int Item, long Timestamp, float Weight = 1f);

/// <summary>
/// The in-memory interaction model the engine trains on: every person's history in time order over a dense item
/// space. Immutable once built, so any number of readers may share it.
/// </summary>
internal sealed class InteractionLog
{
    private int[]? itemCounts;

    public InteractionLog(int itemCount, IReadOnlyList<UserHistory> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        for (var u = 0; u < users.Count; u++)
        {
            if (users[u].User != u)
            {
                throw new ArgumentException($"The history at {u} belongs to user {users[u].User}.", nameof(users));
            }

            if (users[u].Items.Any(i => (uint)i >= (uint)itemCount))
            {
                throw new ArgumentException($"User {u} has an item outside 0..{itemCount - 1}.", nameof(users));
            }
        }

        ItemCount = itemCount;
        Users = users;
        InteractionCount = users.Sum(h => h.Count);
    }

    public int ItemCount { get; }

    public int UserCount => Users.Count;

    public int InteractionCount { get; }

    public IReadOnlyList<UserHistory> Users { get; }

    /// <summary>How many interactions each item has.</summary>
    public int[] ItemCounts
    {
        get
        {
            if (itemCounts is null)
            {
                var counts = new int[ItemCount];
                foreach (var user in Users)
                {
                    foreach (var item in user.Items)
                    {
                        counts[item]++;
                    }
                }

                itemCounts = counts;
            }

            return itemCounts;
        }
    }

    /// <summary>Builds the log from loose records: each person's interactions sorted by time, ties kept in arrival order.</summary>
    public static InteractionLog FromInteractions(IEnumerable<Interaction> interactions, int userCount, int itemCount)
    {
        var perUser = new List<(Interaction Record, int Arrival)>[userCount];
        var arrival = 0;
        foreach (var record in interactions)
        {
            (perUser[record.User] ??= []).Add((record, arrival++));
        }

        var users = new UserHistory[userCount];
        for (var u = 0; u < userCount; u++)
        {
            var records = perUser[u] ?? [];
            records.Sort((a, b) => a.Record.Timestamp != b.Record.Timestamp ? a.Record.Timestamp.CompareTo(b.Record.Timestamp) : a.Arrival.CompareTo(b.Arrival));
            users[u] = new UserHistory(u, [.. records.Select(r => r.Record.Item)], [.. records.Select(r => r.Record.Timestamp)], [.. records.Select(r => r.Record.Weight)]);
        }

        return new InteractionLog(itemCount, users);
    }
}
