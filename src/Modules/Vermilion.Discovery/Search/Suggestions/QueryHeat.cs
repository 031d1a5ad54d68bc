namespace Vermilion.Discovery.Search.Suggestions;

/// <summary>
/// Time-decayed counts for hot searches (热搜榜). Each search adds exp(λ·(t − epoch)) to a query's weight, kept as
/// its logarithm; the decayed count now is exp(heat − λ·(now − epoch)). Every query decays at the same rate, so
/// the order by stored heat is the order by decayed count, and nothing is rewritten as time passes.
/// </summary>
internal static class QueryHeat
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromHours(6);

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static double Lambda => Math.Log(2) / HalfLife.TotalHours;

    public static double Add(double heat, long countBefore, DateTimeOffset at)
    {
        var added = Lambda * (at - Epoch).TotalHours;
        if (countBefore == 0)
        {
            return added;
        }

        var high = Math.Max(heat, added);
        return high + Math.Log(Math.Exp(heat - high) + Math.Exp(added - high));
    }

    public static double DecayedCount(double heat, DateTimeOffset now) => Math.Exp(heat - (Lambda * (now - Epoch).TotalHours));
}
