using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Feed;

/// <summary>
/// Everything one feed request knows: the state it reads, who asks (null for a visitor) and what the feed knows of
/// them, the open channel (-1 for the mixed 推荐 feed) and what they muted.
/// </summary>
internal sealed class FeedContext(FeedState state, long? viewer, ViewerProfile profile, ViewerLog? log, int channel, Muting muting, FeedOptions options, DateTimeOffset now)
{
    public FeedState State { get; } = state;

    public CatalogSnapshot Catalog => State.Catalog;

    public FeedModel Model => State.Model;

    public long? Viewer { get; } = viewer;

    public ViewerProfile Profile { get; } = profile;

    public ViewerLog? Log { get; } = log;

    public UserCandidates? Cached { get; } = viewer is { } me ? state.Model.Users.GetValueOrDefault(me) : null;

    public int Channel { get; } = channel;

    public Muting Muting { get; } = muting;

    public FeedOptions Options { get; } = options;

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// When the person has been shown everything new, notes they only saw go by may come back (never those they
    /// acted on): a feed that runs dry shows an empty page, which no reader wants.
    /// </summary>
    public bool Repeats { get; private init; }

    public FeedContext Repeating() => new(State, Viewer, Profile, Log, Channel, Muting, Options, Now) { Repeats = true };

    /// <summary>
    /// Whether the note may be offered at all: recommendable, in the open channel, not the viewer's own, not across
    /// a block, not muted, and (unless a list with stable pages asks) not already seen.
    /// </summary>
    public bool Allows(NoteInfo note, bool evenIfSeen = false)
    {
        if (note.Index >= 0 ? !State.IsRecommendable(note.Index) : State.Live.IsHidden(note.Id))
        {
            return false;
        }

        if (Channel >= 0 && note.Channel != Channel)
        {
            return false;
        }

        if (note.PublishedAt > Now || note.AuthorId == Viewer || Profile.Blocked.Contains(note.AuthorId) || Muting.Hides(note, Channel))
        {
            return false;
        }

        return evenIfSeen || Log is null || !(Repeats ? Log.HasActedOn(note.Id) : Log.HasSeen(note.Id));
    }
}
