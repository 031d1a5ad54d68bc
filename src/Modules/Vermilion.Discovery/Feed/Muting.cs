using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Signals;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// What "not interested" (不感兴趣) takes away, from the next page on: the note itself, its author for four times the
/// mute period, and its kind — its channel in the mixed feed, its own topics inside a channel's tab — for the
/// mute period, unless the person has since shown they like that channel after all.
/// </summary>
internal sealed class Muting
{
    private readonly HashSet<long> notes = [];
    private readonly HashSet<long> authors = [];
    private readonly HashSet<int> channels = [];
    private readonly HashSet<string> topics = new(StringComparer.Ordinal);

    public static Muting None { get; } = new();

    public bool IsEmpty => notes.Count == 0;

    public static Muting For(ViewerLog? log, FeedState state, TimeSpan period, DateTimeOffset now)
    {
        var marks = log?.NotInterested() ?? [];
        if (marks.Count == 0)
        {
            return None;
        }

        var positives = log!.Positives();
        var muting = new Muting();
        foreach (var (noteId, at) in marks)
        {
            muting.notes.Add(noteId);
            if (state.Find(noteId) is not { } note)
            {
                continue;
            }

            if (now - at <= period * 4)
            {
                muting.authors.Add(note.AuthorId);
            }

            if (now - at > period)
            {
                continue;
            }

            var changedMind = note.Channel >= 0 && positives.Any(p => p.At > at && state.Find(p.NoteId)?.Channel == note.Channel);
            if (note.Channel >= 0 && !changedMind)
            {
                muting.channels.Add(note.Channel);
            }

            foreach (var topic in note.Topics)
            {
                if (note.Channel < 0 || state.Catalog.Channels.Channels[note.Channel].Topic != topic)
                {
                    muting.topics.Add(topic);
                }
            }
        }

        return muting;
    }

    /// <summary>True when the note must not be shown; <paramref name="channel"/> is the open tab (-1: the mixed feed).</summary>
    public bool Hides(NoteInfo note, int channel)
    {
        if (IsEmpty)
        {
            return false;
        }

        if (notes.Contains(note.Id) || authors.Contains(note.AuthorId))
        {
            return true;
        }

        if (channel < 0)
        {
            return note.Channel >= 0 && channels.Contains(note.Channel);
        }

        foreach (var topic in note.Topics)
        {
            if (topics.Contains(topic))
            {
                return true;
            }
        }

        return false;
    }
}
