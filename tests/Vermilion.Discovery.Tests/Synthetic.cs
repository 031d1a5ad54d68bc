using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Tests;

/// <summary>Small interaction logs whose right answers are known by construction.</summary>
internal static class Synthetic
{
    public static InteractionLog Log(int itemCount, params int[][] histories) =>
        new(itemCount, [.. histories.Select((items, u) => new UserHistory(u, items))]);

    /// <summary>
    /// People who walk one of two chains of items in order (0→1→2→…→9 or 10→11→…→19), each starting somewhere
    /// random and walking five steps: the next item is always the chain's next one.
    /// </summary>
    public static InteractionLog Chains(int people, int seed = 1)
    {
        var random = new Random(seed);
        var histories = new int[people][];
        for (var u = 0; u < people; u++)
        {
            var chain = u % 2 * 10;
            var start = random.Next(0, 5);
            histories[u] = [.. Enumerable.Range(start, 5).Select(i => chain + i)];
        }

        return Log(20, histories);
    }

    public static float[] Scores(IRecallSource source, int itemCount, params int[] history)
    {
        var scores = new float[itemCount];
        source.Score(new UserHistory(-1, history), scores);
        return scores;
    }

    public static int Best(float[] scores, params int[] except) =>
        Enumerable.Range(0, scores.Length).Where(i => !except.Contains(i)).MaxBy(i => scores[i]);
}
