namespace Vermilion.Community.Feeds;

/// <summary>
/// Which notes make the first page of the newest public notes: what every anonymous reader of the latest tab (and
/// of the home page before the discovery feed is trained) sees alike, so it is read once and kept for
/// <see cref="Life"/> instead of being asked of the database on every view. Only the ids are kept: each view still
/// builds its cards from the row cache, so counts stay as fresh as on every other card.
/// Publishing or editing a note on this node drops the list at once (<see cref="Forget()"/>), and so do any other
/// change to a listed note (<see cref="Forget(long)"/>, from the row cache); other nodes catch up within <see cref="Life"/>.
/// </summary>
internal sealed class NewestNotes
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(5);

    private readonly TimeProvider clock;

    private readonly Lock gate = new();

    private Listed? current;

    private long generation;

    public NewestNotes(TimeProvider clock) => this.clock = clock;

    /// <summary>The listed notes' ids, newest first, read by <paramref name="read"/> when none are kept.</summary>
    public async Task<IReadOnlyList<long>> IdsAsync(Func<Task<IReadOnlyList<long>>> read)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref current) is { } kept && kept.Until > now)
        {
            return kept.Ids;
        }

        // A change that lands while the list is being read must not be overwritten by the older reading.
        var before = Interlocked.Read(ref generation);
        var ids = await read();
        lock (gate)
        {
            if (generation == before)
            {
                current = new Listed(ids, [.. ids], now + Life);
            }
        }

        return ids;
    }

    /// <summary>A note was published, or its privacy or time may have changed: the list is read again.</summary>
    public void Forget()
    {
        lock (gate)
        {
            generation++;
            current = null;
        }
    }

    /// <summary>A note changed (deleted, hidden, edited): the list is read again if the note is on it.</summary>
    public void Forget(long noteId)
    {
        if (Volatile.Read(ref current) is { } kept && kept.Members.Contains(noteId))
        {
            Forget();
        }
    }

    private sealed record Listed(IReadOnlyList<long> Ids, HashSet<long> Members, DateTimeOffset Until);
}
