namespace Vermilion.Discovery.Feed;

/// <summary>A tab of the home feed: a key for URLs and the topic that defines it (notes are placed by their topics).</summary>
internal sealed record ChannelDefinition(string Key, string Topic);

/// <summary>The feed's settings (<c>Discovery:Feed:*</c>); see docs/operations.md.</summary>
internal sealed class FeedOptions
{
    public const string Section = "Discovery:Feed";

    public static readonly IReadOnlyList<ChannelDefinition> DefaultChannels =
    [
        new("fashion", "穿搭"), new("beauty", "美妆"), new("food", "美食"), new("travel", "旅行"), new("home", "家居"),
        new("relationships", "情感"), new("study", "学习"), new("fitness", "健身"), new("parenting", "母婴"), new("tech", "数码"),
    ];

    /// <summary>Train on a schedule inside the server (the worker role); off on nodes that only serve.</summary>
    public bool TrainInBackground { get; set; } = true;

    public TimeSpan TrainEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after start-up a node without any model trains its first one.</summary>
    public TimeSpan FirstTrainingDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Cores the scheduled training may use (the command line uses all of them).</summary>
    public int TrainingThreads { get; set; } = 1;

    /// <summary>How often every node rebuilds its in-memory catalog (trending lists, places, new notes).</summary>
    public TimeSpan CatalogRefreshEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often every node reads the signal log's tail and the notes that changed.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Signals older than this are not trained on.</summary>
    public int HistoryDays { get; set; } = 180;

    /// <summary>People active within this many days get a precomputed candidate list at training.</summary>
    public int CacheActiveDays { get; set; } = 30;

    public int CacheSize { get; set; } = 100;

    /// <summary>Recall sources of the engine to train (empty: all of them, as the offline evaluation does).</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>At most this many people are held out to choose the engine's settings and blend.</summary>
    public int MaxValidationUsers { get; set; } = 30_000;

    public double PopularityHalfLifeHours { get; set; } = 72;

    /// <summary>Notes younger than this are "fresh": candidates for exploration.</summary>
    public double FreshHours { get; set; } = 72;

    public int PageSize { get; set; } = 20;

    /// <summary>
    /// How long a first page may continue the person's previous ranking instead of ranking again, when nothing
    /// they did since changes what it is ranked from. Zero ranks every first page afresh.
    /// </summary>
    public TimeSpan RankingReuse { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A continued ranking down to fewer pages than this has its successor ranked in the background.</summary>
    public int RankAheadPages { get; set; } = 4;

    public int MaxPerCreatorPerPage { get; set; } = 2;

    /// <summary>In any run of this many notes, at most <see cref="MaxPerChannelInWindow"/> share a channel.</summary>
    public int DiversityWindow { get; set; } = 6;

    public int MaxPerChannelInWindow { get; set; } = 3;

    /// <summary>One slot in this many goes to a fresh note the ranker would not have chosen (exploration).</summary>
    public int ExplorationEvery { get; set; } = 6;

    /// <summary>A "not interested" keeps the note's channel out of the mixed feed this long (its author, four times as long).</summary>
    public TimeSpan NotInterestedFor { get; set; } = TimeSpan.FromDays(7);

    public double NearbyRadiusKm { get; set; } = 30;

    /// <summary>The home page's channel tabs after 推荐; null for the ten defaults.</summary>
    public List<ChannelDefinition>? Channels { get; set; }

    /// <summary>How much each predicted outcome counts in the final score.</summary>
    public ObjectiveWeights Objectives { get; set; } = new();

    public IReadOnlyList<ChannelDefinition> EffectiveChannels => Channels is { Count: > 0 } configured ? configured : DefaultChannels;
}

/// <summary>The multi-objective blend: expected click, long read, like, collect and comment, weighted.</summary>
internal sealed class ObjectiveWeights
{
    public double Click { get; set; } = 1;

    public double LongDwell { get; set; } = 1;

    public double Like { get; set; } = 2;

    public double Collect { get; set; } = 3;

    public double Comment { get; set; } = 2;

    public double[] ToArray() => [Click, LongDwell, Like, Collect, Comment];
}
