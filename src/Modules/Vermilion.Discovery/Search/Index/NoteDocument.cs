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
    /// <summary>The titles of the listed products the note carries, so a product's name finds the notes featuring it.</summary>
    public string Products { get; init; } = "";

    public IReadOnlyList<string> ProductTokens => TextAnalyzer.IndexTokens(Products);

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

    /// <summary>The document as the index holds it now, to write again with other product words without asking the community.</summary>
    public static NoteDocument From(IndexedNote note) =>
        new(note.Id, note.AuthorId, note.Type, note.City, note.Audience, note.PublishedAt, note.LikeCount, note.CollectCount, note.CommentCount,
            note.Title, note.Body, note.Topics) { Products = note.Products };

    /// <summary>Product titles as one field, cut at a word so the index never holds half a title.</summary>
    public static string ProductWords(IEnumerable<string> titles)
    {
        var words = "";
        foreach (var title in titles)
        {
            var next = words.Length == 0 ? title : words + " " + title;
            if (next.Length > IndexedNote.ProductsMax)
            {
                break;
            }

            words = next;
        }

        return words;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
