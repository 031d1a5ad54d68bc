using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Catalog;
using Vermilion.Commerce.Contracts;
using Vermilion.Commerce.Stores;
using Vermilion.Community.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.NoteCards;

public sealed record NoteProductsRequest(IReadOnlyList<string>? ProductIds);

/// <summary>
/// A creator sets the product cards on their note: their own store's products, or any store's that offers
/// creators a commission. The list replaces the previous one.
/// </summary>
internal sealed class AttachProductsHandler(CommerceDb db, INoteDirectory notes, NoteProductCards cards, INotePages pages, TimeProvider clock, OutboxWriter outbox, IStringLocalizer text)
{
    public async Task<Outcome<int>> HandleAsync(long userId, long noteId, NoteProductsRequest request, CancellationToken cancellationToken)
    {
        var note = await notes.FindVisibleAsync(noteId, userId, cancellationToken);
        if (note is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.note.not_found"]);
        }

        if (note.AuthorId != userId)
        {
            return new Failure(FailureKind.Forbidden, text["commerce.note.not_yours"]);
        }

        var wanted = (request.ProductIds ?? []).Select(p => ShortId.TryDecode(p, out var id) ? id : -1).ToList();
        if (wanted.Count > NoteProduct.PerNoteMax || wanted.Distinct().Count() != wanted.Count)
        {
            return Failure.Invalid("productIds", text["commerce.note.products_count", NoteProduct.PerNoteMax]);
        }

        var allowed = await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Id) && p.Status == ProductStatus.OnShelf)
            .Join(db.Stores, p => p.StoreId, s => s.Id, (p, s) => new { p.Id, s.OwnerId, s.CommissionBasisPoints, s.Status })
            .Where(x => x.Status == StoreStatus.Approved && (x.OwnerId == userId || x.CommissionBasisPoints > 0))
            .Select(x => x.Id).ToListAsync(cancellationToken);
        if (allowed.Count != wanted.Count)
        {
            return Failure.Invalid("productIds", text["commerce.note.product_not_allowed"]);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await db.NoteProducts.Where(n => n.NoteId == noteId).Select(n => n.ProductId).ToListAsync(cancellationToken);
        await db.NoteProducts.Where(n => n.NoteId == noteId).ExecuteDeleteAsync(cancellationToken);
        db.NoteProducts.AddRange(wanted.Select((p, i) => new NoteProduct { NoteId = noteId, ProductId = p, CreatorId = userId, Position = i, CreatedAt = now }));
        // Search finds a note by the products it carries, and a product by the notes carrying it: both sides move.
        db.OutboxMessages.Add(outbox.Wrap(new NoteProductsChanged(noteId, [.. before.Union(wanted)])));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cards.Forget(noteId);
        pages.Changed(noteId);
        return wanted.Count;
    }
}
