using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Catalog;

/// <summary>
/// Every note the feed can recommend, in memory, with what serving looks up per request precomputed: popularity,
/// content vectors, channels, trending lists (overall, per channel, per topic, per city), each author's recent
/// notes, fresh notes and a place index. Built from the feed's note table and the current model (whose notes come
/// first, so model and catalog share indexes); rebuilt after training and every few minutes.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<long, int> indexOf;

    private CatalogSnapshot(NoteInfo[] notes, Dictionary<long, int> indexOf, bool[] hidden, float[] popularity, float[] vectors,
        ChannelMap channels, PlaceIndex places, DateTimeOffset builtAt)
    {
        Notes = notes;
        this.indexOf = indexOf;
        Hidden = hidden;
        Popularity = popularity;
        Vectors = vectors;
        Channels = channels;
        Places = places;
        BuiltAt = builtAt;
    }

    public NoteInfo[] Notes { get; }

    /// <summary>Not recommendable (deleted, private, or gone); flags are set in place as notes change.</summary>
    public bool[] Hidden { get; }

    public float[] Popularity { get; }

    public float[] Vectors { get; }

    public ChannelMap Channels { get; }

    public PlaceIndex Places { get; }

    public DateTimeOffset BuiltAt { get; }

    public float MaxPopularity { get; private init; }

    public int[] Trending { get; private init; } = [];

    public int[][] ChannelTrending { get; private init; } = [];

    public IReadOnlyDictionary<string, int[]> TopicTrending { get; private init; } = new Dictionary<string, int[]>();

    /// <summary>
    /// The words of the trending notes' titles, each with the trending notes whose title has it (best first), and
    /// how many distinct words each title has: "related to your search" looks its words up here per request
    /// instead of cutting thousands of titles into words.
    /// </summary>
    public IReadOnlyDictionary<string, int[]> TrendingTitleWords { get; private init; } = new Dictionary<string, int[]>();

    private Dictionary<int, int> TrendingRanks { get; init; } = [];

    /// <summary>A note's place in <see cref="Trending"/> (0 is the best), or past its end.</summary>
    public int TrendingRank(int index) => TrendingRanks.TryGetValue(index, out var rank) ? rank : int.MaxValue;

    public IReadOnlyDictionary<long, int[]> AuthorRecent { get; private init; } = new Dictionary<long, int[]>();

    /// <summary>Notes published within the fresh window, newest first.</summary>
    public int[] Fresh { get; private init; } = [];

    public int Count => Notes.Length;

    public int IndexOf(long noteId) => indexOf.GetValueOrDefault(noteId, -1);

    public ReadOnlySpan<float> VectorOf(int index) => Vectors.AsSpan(index * ContentVectors.Dimensions, ContentVectors.Dimensions);

    public bool IsRecommendable(int index) => (uint)index < (uint)Notes.Length && !Hidden[index];

    public static CatalogSnapshot Build(IReadOnlyList<FeedNote> rows, FeedModel model, FeedOptions options, DateTimeOffset now)
    {
        var byId = new Dictionary<long, FeedNote>(rows.Count);
        foreach (var row in rows)
        {
            byId[row.Id] = row;
        }

        // The model's notes keep their indexes; the rest follow in id order.
        var order = new List<long>(rows.Count + model.NoteCount);
        order.AddRange(model.NoteIds);
        var inModel = model.NoteIds.ToHashSet();
        order.AddRange(rows.Where(r => !inModel.Contains(r.Id)).Select(r => r.Id).Order());

        var channels = ChannelMap.Learn(options.EffectiveChannels, rows.Where(r => r.Recommendable).Select(r => (IReadOnlyList<string>)r.TopicList));
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => strings.TryGetValue(s, out var shared) ? shared : strings[s] = s;
        var notes = new NoteInfo[order.Count];
        var hidden = new bool[order.Count];
        var indexOf = new Dictionary<long, int>(order.Count);
        var vectors = new float[order.Count * ContentVectors.Dimensions];
        for (var i = 0; i < order.Count; i++)
        {
            indexOf[order[i]] = i;
            if (!byId.TryGetValue(order[i], out var row))
            {
                notes[i] = new NoteInfo(order[i], i, 0, false, "", [], -1, "", float.NaN, float.NaN, DateTimeOffset.MinValue, 0);
                hidden[i] = true;
                continue;
            }

            notes[i] = ToInfo(row, i, channels, Intern);
            hidden[i] = !row.Recommendable;
            var channel = notes[i].Channel;
            ContentVectors.Of(row.Title, row.Excerpt, notes[i].Topics, channel >= 0 ? channels.Channels[channel].Topic : null)
                .CopyTo(vectors.AsSpan(i * ContentVectors.Dimensions));
        }

        var popularity = PopularityOf(notes, model, options, now);
        var visible = Enumerable.Range(0, notes.Length).Where(i => !hidden[i]).ToArray();
        int[] Best(IEnumerable<int> indexes, int max) => [.. indexes.OrderByDescending(i => popularity[i]).ThenByDescending(i => notes[i].Id).Take(max)];
        var freshSince = now.AddHours(-options.FreshHours);
        var recentSince = now.AddDays(-60);
        return new CatalogSnapshot(notes, indexOf, hidden, popularity, vectors, channels, PlaceIndex.Build(notes, hidden, popularity, 2000), now)
        {
            MaxPopularity = visible.Length == 0 ? 0 : visible.Max(i => popularity[i]),
            Trending = Best(visible, 3000) is var trending ? trending : [],
            TrendingRanks = trending.Select((index, rank) => (index, rank)).ToDictionary(p => p.index, p => p.rank),
            TrendingTitleWords = trending.SelectMany(i => ContentVectors.Words(notes[i].Title).Distinct(StringComparer.Ordinal).Select(w => (Word: w, Index: i)))
                .GroupBy(p => p.Word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Index).ToArray(), StringComparer.Ordinal),
            ChannelTrending = [.. Enumerable.Range(0, channels.Channels.Count).Select(c => Best(visible.Where(i => notes[i].Channel == c), 1000))],
            TopicTrending = visible.SelectMany(i => notes[i].Topics.Select(t => (Topic: t, Index: i))).GroupBy(p => p.Topic, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Best(g.Select(p => p.Index), 300), StringComparer.Ordinal),
            AuthorRecent = visible.Where(i => notes[i].PublishedAt >= recentSince).GroupBy(i => notes[i].AuthorId)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(i => notes[i].PublishedAt).Take(20).ToArray()),
            Fresh = [.. visible.Where(i => notes[i].PublishedAt >= freshSince && notes[i].PublishedAt <= now).OrderByDescending(i => notes[i].PublishedAt).Take(3000)],
        };
    }

    public static NoteInfo ToInfo(FeedNote row, int index, ChannelMap channels, Func<string, string> intern)
    {
        var topics = row.TopicList.Select(intern).ToArray();
        return new NoteInfo(row.Id, index, row.AuthorId, row.Type == "video", intern(row.Title), topics, channels.OfNote(topics, row.Title), intern(row.City),
            row.Latitude is { } lat ? (float)lat : float.NaN, row.Longitude is { } lng ? (float)lng : float.NaN, row.PublishedAt, NoteInfo.EngagementOf(row));
    }

    /// <summary>
    /// The model's time-decayed popularity, aged to now; for notes it never saw, the community's counters decayed
    /// by the note's age, which is on the same scale (one like is worth one either way).
    /// </summary>
    private static float[] PopularityOf(NoteInfo[] notes, FeedModel model, FeedOptions options, DateTimeOffset now)
    {
        var halfLife = Math.Max(1, options.PopularityHalfLifeHours);
        var aged = model.IsTrained ? (float)Math.Pow(0.5, Math.Max(0, (now - model.TrainedAt).TotalHours) / halfLife) : 0f;
        var popularity = new float[notes.Length];
        for (var i = 0; i < notes.Length; i++)
        {
            popularity[i] = model.IsTrained && i < model.Popularity.Length
                ? model.Popularity[i] * aged
                : notes[i].Engagement * (float)Math.Pow(0.5, Math.Max(0, (now - notes[i].PublishedAt).TotalHours) / halfLife);
        }

        return popularity;
    }
}
