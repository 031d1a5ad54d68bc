using Vermilion.Discovery.Signals;

namespace Vermilion.Discovery.Training;

/// <summary>One person's lasting opinion of one note, after likes were undone and collects added.</summary>
internal readonly record struct NoteOpinion(int Note, long FirstAt, float Weight, FeedEventKind Strongest, bool NotInterested, bool Impressed);

/// <summary>
/// One person's signals as training reads them: per note, what they finally think of it (the strongest positive
/// still standing, or "not interested"), in the order they first showed it; their impressions with the features
/// logged when served and what followed each within a day (the ranker's examples).
/// </summary>
internal sealed class SignalHistory(long userId)
{
    private readonly List<Signal> signals = [];

    public long UserId { get; } = userId;

    public long LastAt { get; private set; }

    public int Count => signals.Count;

    public void Add(int note, FeedEventKind kind, long at, float? value, byte[]? features)
    {
        signals.Add(new Signal(note, kind, at, value ?? 0, features));
        LastAt = Math.Max(LastAt, at);
    }

    /// <summary>Every note the person reacted to, in the order of their first positive (or negative) reaction.</summary>
    public List<NoteOpinion> Opinions()
    {
        var byNote = new Dictionary<int, (long First, bool Like, bool Collect, bool Comment, float Other, FeedEventKind OtherKind, bool No, bool Seen)>();
        foreach (var s in signals.OrderBy(s => s.At))
        {
            byNote.TryGetValue(s.Note, out var o);
            var positive = SignalKinds.TasteWeight(s.Kind, s.Value) > 0;
            if (o.First == 0 && (positive || s.Kind is FeedEventKind.NotInterested or FeedEventKind.Impression))
            {
                o.First = s.At;
            }

            switch (s.Kind)
            {
                case FeedEventKind.Like: o.Like = true; break;
                case FeedEventKind.Unlike: o.Like = false; break;
                case FeedEventKind.Collect: o.Collect = true; break;
                case FeedEventKind.Uncollect: o.Collect = false; break;
                case FeedEventKind.Comment: o.Comment = true; break;
                case FeedEventKind.NotInterested: o.No = true; break;
                case FeedEventKind.Impression: o.Seen = true; break;
                default:
                    var weight = SignalKinds.TasteWeight(s.Kind, s.Value);
                    if (weight > o.Other)
                    {
                        (o.Other, o.OtherKind) = (weight, s.Kind);
                    }

                    break;
            }

            byNote[s.Note] = o;
        }

        var opinions = new List<NoteOpinion>(byNote.Count);
        foreach (var (note, o) in byNote)
        {
            var (weight, kind) = (o.Other, o.OtherKind);
            Stronger(ref weight, ref kind, o.Like, FeedEventKind.Like);
            Stronger(ref weight, ref kind, o.Comment, FeedEventKind.Comment);
            Stronger(ref weight, ref kind, o.Collect, FeedEventKind.Collect);
            if (o.No)
            {
                weight = 0;
            }

            if (weight > 0 || o.No || o.Seen)
            {
                opinions.Add(new NoteOpinion(note, o.First, weight, kind, o.No, o.Seen));
            }
        }

        opinions.Sort((a, b) => a.FirstAt != b.FirstAt ? a.FirstAt.CompareTo(b.FirstAt) : a.Note.CompareTo(b.Note));
        return opinions;
    }

    /// <summary>Impressions served with logged features, each labelled by what the person did with that note within a day.</summary>
    public IEnumerable<(float[] Features, bool[] Outcomes)> RankingExamples()
    {
        const long Day = TimeSpan.TicksPerDay;
        var byNote = signals.Where(s => s.Kind != FeedEventKind.Impression).ToLookup(s => s.Note);
        foreach (var shown in signals.Where(s => s.Kind == FeedEventKind.Impression && s.Features is not null))
        {
            var outcomes = new bool[ObjectiveModel.ObjectiveCount];
            foreach (var after in byNote[shown.Note])
            {
                if (after.At < shown.At || after.At > shown.At + Day)
                {
                    continue;
                }

                switch (after.Kind)
                {
                    case FeedEventKind.Click: outcomes[0] = true; break;
                    case FeedEventKind.Dwell: outcomes[0] = true; outcomes[1] |= after.Value >= SignalKinds.LongDwellSeconds; break;
                    case FeedEventKind.VideoCompletion: outcomes[0] = true; outcomes[1] |= after.Value >= SignalKinds.VideoWatched; break;
                    case FeedEventKind.Like: outcomes[2] = true; break;
                    case FeedEventKind.Collect: outcomes[3] = true; break;
                    case FeedEventKind.Comment: outcomes[4] = true; break;
                }
            }

            yield return (Feed.FeedFeatures.FromBytes(shown.Features!), outcomes);
        }
    }

    private static void Stronger(ref float weight, ref FeedEventKind kind, bool active, FeedEventKind candidate)
    {
        var w = SignalKinds.TasteWeight(candidate, null);
        if (active && w > weight)
        {
            (weight, kind) = (w, candidate);
        }
    }

    private readonly record struct Signal(int Note, FeedEventKind Kind, long At, float Value, byte[]? Features);
}
