using Vermilion.Discovery.Catalog;
using Vermilion.Discovery.Feed;
using Vermilion.Discovery.Signals;
using Vermilion.Discovery.Training;

namespace Vermilion.Discovery.Tests.Feed;

/// <summary>Small catalogs, candidates and contexts for the feed's serving parts, built without a database.</summary>
internal static class FeedFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static FeedNote Note(long id, long author, string topics, string title = "", string city = "", double? lat = null, double? lng = null, int likes = 0, int hoursAgo = 100) => new()
    {
        Id = id,
        AuthorId = author,
        Type = "text",
        Title = title.Length > 0 ? title : $"note {id}",
        Topics = topics,
        City = city,
        Latitude = lat,
        Longitude = lng,
        PublishedAt = Now.AddHours(-hoursAgo),
        Recommendable = true,
        Likes = likes,
        ChangedAt = Now,
    };

    public static FeedState State(IReadOnlyList<FeedNote> notes, FeedModel? model = null, FeedOptions? options = null) =>
        new(model ?? FeedModel.Untrained, CatalogSnapshot.Build(notes, model ?? FeedModel.Untrained, options ?? new FeedOptions(), Now), new LiveNotes());

    public static FeedContext Context(FeedState state, long? viewer = 1, ViewerProfile? profile = null, ViewerLog? log = null, int channel = -1, Muting? muting = null, FeedOptions? options = null) =>
        new(state, viewer, profile ?? ViewerProfile.Nobody, log, channel, muting ?? Muting.None, options ?? new FeedOptions(), Now);

    /// <summary>A candidate for a note of the given author and kind (channel), scored as given.</summary>
    public static Candidate Candidate(long id, long author, int channel, float score, bool exploration = false) =>
        new(new NoteInfo(id, -1, author, false, $"n{id}", [], channel, "", float.NaN, float.NaN, Now, 0)) { Score = score, Exploration = exploration };

    public static SignalRecord Signal(long user, FeedEventKind kind, long note, DateTimeOffset? at = null, float? value = null, string? query = null) =>
        new(0, user, kind, note, null, at ?? Now, value, query);
}
