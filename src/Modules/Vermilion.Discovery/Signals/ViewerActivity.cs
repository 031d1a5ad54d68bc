using System.Collections.Concurrent;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// Everyone's recent signals in memory, fed by what this node records and by the signal log's tail that every node
/// reads (<see cref="Training.FeedRefresher"/>), so a like or a "not interested" shapes the very next page.
/// Applying a signal twice changes nothing that matters (sets and latest-wins lists).
/// </summary>
internal sealed class ViewerActivity
{
    private readonly ConcurrentDictionary<long, ViewerLog> logs = new();

    public int Count => logs.Count;

    public void Apply(SignalRecord signal)
    {
        if (signal.UserId != 0)
        {
            logs.GetOrAdd(signal.UserId, _ => new ViewerLog()).Apply(signal);
        }
    }

    public ViewerLog? Find(long userId) => logs.GetValueOrDefault(userId);

    public ViewerLog For(long userId) => logs.GetOrAdd(userId, _ => new ViewerLog());

    /// <summary>A closed account leaves nothing behind.</summary>
    public void Forget(long userId) => logs.TryRemove(userId, out _);
}
