namespace Vermilion.Commerce.Contracts;

/// <summary>The product cards on notes (笔记带货), by id. Whether a note may be seen is the caller's to decide.</summary>
public interface INoteProducts
{
    /// <summary>The products each of these notes carries, in the order of its cards, listed or not; notes without any are absent.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<long>>> OnNotesAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> notes carrying the product, the most recently attached first.</summary>
    Task<IReadOnlyList<long>> NotesCarryingAsync(long productId, int take, CancellationToken cancellationToken);
}
