namespace Vermilion.Community.Contracts;

/// <summary>Everything another module may index about a note: words, place, audience, engagement.</summary>
public sealed record NoteRecord(
    long Id,
    long AuthorId,
    string Type,
    string Title,
    string Body,
    IReadOnlyList<string> Topics,
    string City,
    string Place,
    double? Latitude,
    double? Longitude,
    string Privacy,
    bool Visible,
    DateTimeOffset PublishedAt,
    int LikeCount,
    int CollectCount,
    int CommentCount);

/// <summary>One person's action on a note, for training: <c>Kind</c> is like, collect or comment.</summary>
public sealed record InteractionRecord(long UserId, long NoteId, string Kind, DateTimeOffset At);

/// <summary>The kinds of interaction the export pages through.</summary>
public static class InteractionKinds
{
    public const string Like = "like";
    public const string Collect = "collect";
    public const string Comment = "comment";

    public static IReadOnlyList<string> All { get; } = [Like, Collect, Comment];
}

/// <summary>Where a page of interactions ended (the key of its last row).</summary>
public sealed record InteractionPosition(long First, long Second);

/// <summary>A page of interactions and where the next one starts (null at the end).</summary>
public sealed record InteractionPage(IReadOnlyList<InteractionRecord> Items, InteractionPosition? Next);

/// <summary>
/// Reads the community's notes and interactions in bulk, in a stable order, for modules that keep their own
/// derived copy (a search index, a recommender's training data) and must catch up from scratch or after
/// missing events. Events say that something changed; this says what it is now.
/// </summary>
public interface ICommunityExport
{
    /// <summary>A note as it is now (deleted ones included, with <c>Visible</c> false); null if it never existed.</summary>
    Task<NoteRecord?> NoteAsync(long noteId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> notes with ids above <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<NoteRecord>> NotesAfterAsync(long afterId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// One page of every interaction of a kind (<see cref="InteractionKinds"/>), in the order of its table's key, so
    /// each page costs one index range however far along it is; pass the page's <c>Next</c> back for the next one.
    /// </summary>
    Task<InteractionPage> InteractionsAsync(string kind, InteractionPosition? after, int count, CancellationToken cancellationToken);
}
