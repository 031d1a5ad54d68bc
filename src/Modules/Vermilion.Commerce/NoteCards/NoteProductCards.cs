using Microsoft.Extensions.Caching.Memory;
using Vermilion.Commerce.Catalog;

namespace Vermilion.Commerce.NoteCards;

/// <summary>
/// The product cards beside each note, the same for every reader, kept in memory on this node for <see cref="Life"/>:
/// a viral note's page asks for them with every view. Attaching products drops the note's entry here; a price or
/// stock change shows on the page within <see cref="Life"/> (the order is always priced afresh at checkout).
/// </summary>
internal sealed class NoteProductCards : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public async Task<IReadOnlyList<ProductCardView>> GetAsync(long noteId, Func<Task<IReadOnlyList<ProductCardView>>> read)
    {
        if (cache.TryGetValue(noteId, out IReadOnlyList<ProductCardView>? cards) && cards is not null)
        {
            return cards;
        }

        cards = await read();
        cache.Set(noteId, cards, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + cards.Count });
        return cards;
    }

    public void Forget(long noteId) => cache.Remove(noteId);

    public void Dispose() => cache.Dispose();
}
