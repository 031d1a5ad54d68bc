using Vermilion.Discovery.Recommendation;

namespace Vermilion.Discovery.Training;

/// <summary>Why the engine put a note in someone's precomputed list.</summary>
internal enum EngineReason : byte
{
    /// <summary>Collaborative or content evidence from the person's own history (item-to-item, EASE, ALS, ...).</summary>
    Similar = 0,

    /// <summary>The popularity sources: nothing personal, just good.</summary>
    Popular = 1,
}

/// <summary>
/// One person's precomputed candidates (best first, as catalog indexes) with the engine's score and reason, and
/// for each the note of their history that argued for it most (-1 if none did); and their latest liked notes with
/// how they liked them, newest first, for related notes and reasons.
/// </summary>
internal sealed record UserCandidates(int[] Items, float[] Scores, EngineReason[] Reasons, int[] Anchors, int[] Recent, byte[] RecentKinds);

/// <summary>
/// What training produces for serving, immutable: the notes it knew (their order is the catalog's first part),
/// time-decayed popularity from the signal log, each active person's candidates, item-to-item neighbours for
/// notes liked since, and the ranker. The engine's full model is not kept: serving needs only these.
/// </summary>
internal sealed class FeedModel
{
    public required DateTimeOffset TrainedAt { get; init; }

    /// <summary>The last signal id training read; serving reads the log from here.</summary>
    public required long SignalWatermark { get; init; }

    public required long[] NoteIds { get; init; }

    /// <summary>Per note, popularity decayed to <see cref="TrainedAt"/>; empty for an untrained model.</summary>
    public required float[] Popularity { get; init; }

    public required IReadOnlyDictionary<long, UserCandidates> Users { get; init; }

    public ItemNeighbours? Neighbours { get; init; }

    public required ObjectiveModel Ranker { get; init; }

    /// <summary>What training chose and measured, for operators.</summary>
    public string Summary { get; init; } = "";

    public int NoteCount => NoteIds.Length;

    public bool IsTrained => TrainedAt > DateTimeOffset.MinValue;

    public static FeedModel Untrained { get; } = new()
    {
        TrainedAt = DateTimeOffset.MinValue,
        SignalWatermark = 0,
        NoteIds = [],
        Popularity = [],
        Users = new Dictionary<long, UserCandidates>(),
        Ranker = ObjectiveModel.Prior,
        Summary = "not trained yet",
    };
}
