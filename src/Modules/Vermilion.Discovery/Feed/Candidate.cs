using Vermilion.Discovery.Catalog;

namespace Vermilion.Discovery.Feed;

/// <summary>Why a card is shown: the kinds of reasons the UI can state (algorithm visibility).</summary>
internal enum ReasonKind : byte
{
    ForYou,
    Bought,
    Collected,
    Liked,
    Commented,
    Viewed,
    Following,
    Search,
    Interest,
    Nearby,
    Distance,
    Trending,
    ChannelTrending,
    Fresh,
}

/// <summary>
/// A note considered for one person's page: its features (filled by recall and by <see cref="CandidateFeatures"/>),
/// the ranker's score, and the strongest reason any source gave, with its argument (a title, a name, a query).
/// </summary>
internal sealed class Candidate(NoteInfo note)
{
    public NoteInfo Note { get; } = note;

    public float[] Features { get; } = new float[FeedFeatures.Count];

    public float Score { get; set; }

    public ReasonKind Reason { get; private set; } = ReasonKind.ForYou;

    public string? ReasonArgument { get; private set; }

    /// <summary>Brought in to explore (a fresh note), so the re-ranker can give it an exploration slot.</summary>
    public bool Exploration { get; set; }

    private int reasonStrength = -1;

    /// <summary>Keeps the reason with the highest priority: what the person did beats what is merely popular.</summary>
    public void Because(ReasonKind reason, string? argument = null)
    {
        var strength = Priority(reason);
        if (strength > reasonStrength)
        {
            (Reason, ReasonArgument, reasonStrength) = (reason, argument, strength);
        }
    }

    public void CountSource() => Features[FeedFeatures.Sources] = Math.Min(1f, Features[FeedFeatures.Sources] + 0.25f);

    private static int Priority(ReasonKind reason) => reason switch
    {
        ReasonKind.Search => 13,
        ReasonKind.Bought => 12,
        ReasonKind.Collected => 11,
        ReasonKind.Commented => 10,
        ReasonKind.Liked => 9,
        ReasonKind.Following => 8,
        ReasonKind.Viewed => 7,
        ReasonKind.Interest => 6,
        ReasonKind.Distance => 5,
        ReasonKind.Nearby => 4,
        ReasonKind.ForYou => 3,
        ReasonKind.ChannelTrending => 2,
        ReasonKind.Trending => 1,
        _ => 0,
    };
}
