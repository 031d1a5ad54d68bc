using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Catalog;
using Vermilion.Community.Contracts;

namespace Vermilion.Commerce.NoteCards;

/// <summary>The cards on a note, and the notes that feature a product (用户笔记), as the viewer may see them.</summary>
internal sealed class NoteProductQueries(CommerceDb db, INoteDirectory notes, ProductQueries products, NoteProductCards cached)
{
    public async Task<IReadOnlyList<ProductCardView>?> OnNoteAsync(long noteId, long? viewer, CancellationToken cancellationToken)
    {
        if (await notes.FindVisibleAsync(noteId, viewer, cancellationToken) is null)
        {
            return null;
        }

        return await cached.GetAsync(noteId, async () =>
        {
            var ids = await db.NoteProducts.AsNoTracking().Where(n => n.NoteId == noteId).OrderBy(n => n.Position).Select(n => n.ProductId).ToListAsync(cancellationToken);
            return ids.Count == 0 ? [] : await products.CardsAsync(ids, null, includeOffShelf: false, ids.Count, cancellationToken);
        });
    }

    public async Task<IReadOnlyList<NoteSummary>> FeaturingAsync(long productId, long? viewer, int take, CancellationToken cancellationToken)
    {
        var ids = await db.NoteProducts.AsNoTracking().Where(n => n.ProductId == productId).OrderByDescending(n => n.CreatedAt)
            .Select(n => n.NoteId).Take(take * 2).ToListAsync(cancellationToken);
        var visible = await notes.FindVisibleManyAsync(ids, viewer, cancellationToken);
        return [.. ids.Where(visible.ContainsKey).Select(id => visible[id]).Take(take)];
    }
}
