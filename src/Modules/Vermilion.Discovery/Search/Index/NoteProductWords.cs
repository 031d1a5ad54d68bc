using Vermilion.Commerce.Contracts;

namespace Vermilion.Discovery.Search.Index;

/// <summary>What a note's product cards add to its words: the titles of the listed products it carries, in card order.</summary>
internal sealed class NoteProductWords(INoteProducts cards, IProductCatalog catalog)
{
    /// <summary>The product words of each note that carries a listed product; the others are absent.</summary>
    public async Task<IReadOnlyDictionary<long, string>> ForAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        var onNotes = await cards.OnNotesAsync(noteIds, cancellationToken);
        if (onNotes.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var titles = (await catalog.ProductsAsync([.. onNotes.Values.SelectMany(p => p).Distinct()], cancellationToken))
            .Where(p => p.Listed).ToDictionary(p => p.Id, p => p.Title);
        return onNotes
            .Select(n => (n.Key, Words: NoteDocument.ProductWords(n.Value.Where(titles.ContainsKey).Select(id => titles[id]))))
            .Where(n => n.Words.Length > 0)
            .ToDictionary(n => n.Key, n => n.Words);
    }
}
