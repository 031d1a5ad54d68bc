namespace Vermilion.Discovery.Signals;

/// <summary>A note someone showed they like, and how: the seed of "因为你收藏了…".</summary>
internal readonly record struct Positive(long NoteId, FeedEventKind Kind, DateTimeOffset At, float Weight);

/// <summary>
/// One person's recent signals, as the feed needs them between trainings: what they liked (newest first), what
/// they have already seen or been served, what they marked "not interested", what they searched for. Bounded, so
/// a busy person cannot grow it without limit. Thread-safe; readers get copies.
/// </summary>
internal sealed class ViewerLog
{
    public const int MaxPositives = 50;
    public const int MaxSeen = 5000;
    public const int MaxServed = 1000;
    public const int MaxMarks = 100;
    public const int MaxSearches = 10;

    private readonly Lock gate = new();
    private readonly List<Positive> positives = [];
    private readonly BoundedSet seen = new(MaxSeen);
    private readonly BoundedSet served = new(MaxServed);

    // Notes the person did something with (liked, collected, opened, marked): never offered again, even when the
    // feed runs out of new notes and offers what was only shown before.
    private readonly BoundedSet actedOn = new(MaxSeen);
    private readonly List<(long NoteId, DateTimeOffset At)> notInterested = [];
    private readonly List<(string Query, DateTimeOffset At)> searches = [];
    private readonly List<string> interests = [];

    /// <summary>Grows with every change, so a cached page can tell it is out of date.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Grows with every change to what the person's feed is ranked from (liked, collected, opened, not interested,
    /// searched, picked an interest), but not with what merely went by on screen.
    /// </summary>
    public long TasteVersion { get; private set; }

    public void Apply(SignalRecord signal)
    {
        lock (gate)
        {
            Version++;
            if (signal.Kind != FeedEventKind.Impression)
            {
                TasteVersion++;
            }

            var note = signal.NoteId ?? 0;
            switch (signal.Kind)
            {
                case FeedEventKind.Impression:
                    seen.Add(note);
                    break;
                case FeedEventKind.Unlike or FeedEventKind.Uncollect:
                    var undone = signal.Kind == FeedEventKind.Unlike ? FeedEventKind.Like : FeedEventKind.Collect;
                    positives.RemoveAll(p => p.NoteId == note && p.Kind == undone);
                    break;
                case FeedEventKind.NotInterested:
                    seen.Add(note);
                    actedOn.Add(note);
                    positives.RemoveAll(p => p.NoteId == note);
                    AddCapped(notInterested, (note, signal.At), MaxMarks);
                    break;
                case FeedEventKind.Search when signal.Query is { Length: > 0 } query:
                    searches.RemoveAll(s => s.Query == query);
                    AddCapped(searches, (query, signal.At), MaxSearches);
                    break;
                case FeedEventKind.Interest when signal.Query is { Length: > 0 } interest && !interests.Contains(interest):
                    interests.Add(interest);
                    break;
                default:
                    var weight = SignalKinds.TasteWeight(signal.Kind, signal.Value);
                    if (weight > 0 && note != 0)
                    {
                        seen.Add(note);
                        actedOn.Add(note);
                        AddPositive(new Positive(note, signal.Kind, signal.At, weight));
                    }

                    break;
            }
        }
    }

    /// <summary>Remembers what a page served, so the next pages and the next visit bring something new.</summary>
    public void Serve(IEnumerable<long> notes)
    {
        lock (gate)
        {
            foreach (var note in notes)
            {
                served.Add(note);
            }
        }
    }

    /// <summary>True when the person has seen the note, acted on it, or been served it recently.</summary>
    public bool HasSeen(long note)
    {
        lock (gate)
        {
            return seen.Contains(note) || served.Contains(note);
        }
    }

    /// <summary>True when the person did something with the note beyond seeing it go by.</summary>
    public bool HasActedOn(long note)
    {
        lock (gate)
        {
            return actedOn.Contains(note);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Positive> Positives()
    {
        lock (gate)
        {
            return [.. Enumerable.Reverse(positives)];
        }
    }

    public IReadOnlyList<(long NoteId, DateTimeOffset At)> NotInterested()
    {
        lock (gate)
        {
            return [.. notInterested];
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<(string Query, DateTimeOffset At)> Searches()
    {
        lock (gate)
        {
            return [.. Enumerable.Reverse(searches)];
        }
    }

    public IReadOnlyList<string> Interests()
    {
        lock (gate)
        {
            return [.. interests];
        }
    }

    private void AddPositive(Positive positive)
    {
        // The strongest way of liking a note is the one that counts (a collect after a like is a collect).
        var at = positives.FindIndex(p => p.NoteId == positive.NoteId);
        if (at >= 0)
        {
            if (positives[at].Weight >= positive.Weight)
            {
                return;
            }

            positives.RemoveAt(at);
        }

        AddCapped(positives, positive, MaxPositives);
    }

    private static void AddCapped<T>(List<T> list, T item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveAt(0);
        }
    }

    /// <summary>A set that forgets its oldest members past a size.</summary>
    private sealed class BoundedSet(int capacity)
    {
        private readonly HashSet<long> members = [];
        private readonly Queue<long> order = new();

        public void Add(long value)
        {
            if (!members.Add(value))
            {
                return;
            }

            order.Enqueue(value);
            if (order.Count > capacity)
            {
                members.Remove(order.Dequeue());
            }
        }

        public bool Contains(long value) => members.Contains(value);
    }
}
