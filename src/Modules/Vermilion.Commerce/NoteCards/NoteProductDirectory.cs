using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;

namespace Vermilion.Commerce.NoteCards;

/// <summary>The cards on notes by id (<see cref="INoteProducts"/>), for search: which products a note carries and which notes carry a product.</summary>
internal sealed class NoteProductDirectory(CommerceDb db) : INoteProducts
{
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<long>>> OnNotesAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<long>>();
        }

        var rows = await db.NoteProducts.AsNoTracking().Where(n => noteIds.Contains(n.NoteId))
            .Select(n => new { n.NoteId, n.ProductId, n.Position }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.NoteId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<long>)[.. g.OrderBy(r => r.Position).Select(r => r.ProductId)]);
    }

    public async Task<IReadOnlyList<long>> NotesCarryingAsync(long productId, int take, CancellationToken cancellationToken) =>
        await db.NoteProducts.AsNoTracking().Where(n => n.ProductId == productId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.NoteId)
            .Select(n => n.NoteId).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
}
