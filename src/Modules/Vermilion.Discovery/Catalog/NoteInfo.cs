namespace Vermilion.Discovery.Catalog;

/// <summary>
/// A note as the feed holds it in memory. <see cref="Index"/> is its place in the catalog (and in the trained
/// model when below the model's size); notes that arrived after the catalog was built have -1.
/// </summary>
internal sealed record NoteInfo(
    long Id,
    int Index,
    long AuthorId,
    bool IsVideo,
    string Title,
    IReadOnlyList<string> Topics,
    int Channel,
    string City,
    float Latitude,
    float Longitude,
    DateTimeOffset PublishedAt,
    int Engagement)
{
    public bool HasPlace => !float.IsNaN(Latitude) && !float.IsNaN(Longitude);

    /// <summary>Likes, collects (counted double: they mean "I will come back to this") and comments.</summary>
    public static int EngagementOf(FeedNote note) => note.Likes + (2 * note.Collects) + note.Comments;
}
