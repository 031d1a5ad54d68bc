using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Notes published since the catalog was built (newest first, bounded) and notes hidden since, so a new note reaches
/// followers and explorers within a second, not at the next rebuild. One writer (the refresher), many readers.
/// </summary>
internal sealed class LiveNotes
{
    public const int MaxRecent = 2000;

    private readonly ConcurrentDictionary<long, byte> hidden = new();

    // Counted here because ConcurrentDictionary.IsEmpty takes every lock of the dictionary when it is empty, and
    // IsHidden runs for every candidate of every page: in a profile of the discovery feed it was a quarter of the CPU.
    private int hiddenCount;
    private ImmutableArray<LiveNote> recent = [];

    public ImmutableArray<LiveNote> Recent => recent;

    public void Add(NoteInfo note, float[] vector)
    {
        var current = recent.RemoveAll(n => n.Note.Id == note.Id);
        recent = current.Insert(0, new LiveNote(note, vector)) is var next && next.Length > MaxRecent ? next.RemoveAt(MaxRecent) : next;
        if (hidden.TryRemove(note.Id, out _))
        {
            Interlocked.Decrement(ref hiddenCount);
        }
    }

    public void Hide(long noteId)
    {
        if (hidden.TryAdd(noteId, 0))
        {
            Interlocked.Increment(ref hiddenCount);
        }

        if (recent.Any(n => n.Note.Id == noteId))
        {
            recent = recent.RemoveAll(n => n.Note.Id == noteId);
        }
    }

    public bool IsHidden(long noteId) => Volatile.Read(ref hiddenCount) > 0 && hidden.ContainsKey(noteId);

    public LiveNote? Find(long noteId)
    {
        foreach (var live in recent)
        {
            if (live.Note.Id == noteId)
            {
                return live;
            }
        }

        return null;
    }
}

/// <summary>A note that arrived after the catalog was built, with its content vector.</summary>
internal sealed record LiveNote(NoteInfo Note, float[] Vector);
