using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index;

/// <summary>A note ready to index: its filterable facts, its text, and that text as index tokens per field.</summary>
internal sealed record NoteDocument(
    long Id,
    long AuthorId,
    string Type,
    string City,
    NoteAudience Audience,
    DateTimeOffset PublishedAt,
    int LikeCount,
    int CollectCount,
    int CommentCount,
    string Title,
    string Body,
    string Topics)
{
    public IReadOnlyList<string> TitleTokens => TextAnalyzer.IndexTokens(Title);

    public IReadOnlyList<string> TopicTokens => TextAnalyzer.IndexTokens(Topics);

    public IReadOnlyList<string> BodyTokens => TextAnalyzer.IndexTokens(Body);

    /// <summary>The document for a note the community exports, or null when it is not visible (deleted, a draft, not yet due).</summary>
    public static NoteDocument? From(NoteRecord note)
    {
        if (!note.Visible)
        {
            return null;
        }

        var audience = note.Privacy switch
        {
            "public" => NoteAudience.Public,
            "followers" => NoteAudience.Followers,
            _ => NoteAudience.OnlyAuthor,
        };
        return new NoteDocument(note.Id, note.AuthorId, note.Type, Cut(note.City, 50), audience, note.PublishedAt,
            note.LikeCount, note.CollectCount, note.CommentCount, Cut(note.Title, IndexedNote.TitleMax), Cut(note.Body, IndexedNote.BodyMax),
            Cut(string.Join(' ', note.Topics), IndexedNote.TopicsMax));
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
