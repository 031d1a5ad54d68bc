using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Contracts;
using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Keeps the product index equal to commerce's catalogue: listed products with their words, price, sales and
/// rating, and the titles of the public notes carrying them (read from the note index, which search already holds).
/// Like notes, every change is applied by reading the product as it is now, so repeated or reordered events are
/// harmless; a product that is no longer listed is removed.
/// </summary>
internal sealed class ProductIndexer(SearchDb db, IProductFullText engine, IProductCatalog catalog, INoteProducts cards, TimeProvider clock)
{
    private const int Batch = 500;

    /// <summary>How many of the notes carrying a product lend it their titles.</summary>
    private const int NotesRead = 20;

    /// <summary>Indexes these products as they are now; removes the ones buyers may no longer see.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<long> productIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in productIds.Distinct().Chunk(Batch))
        {
            var records = await catalog.ProductsAsync(chunk, cancellationToken);
            var documents = await DocumentsAsync(records, cancellationToken);
            await engine.RemoveAsync(db, [.. chunk.Where(id => !documents.Any(d => d.Id == id))], cancellationToken);
            await engine.WriteAsync(db, documents, clock.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Re-reads the products a note carries: its title or audience is part of their words.</summary>
    public async Task RefreshCarriedByAsync(long noteId, CancellationToken cancellationToken)
    {
        var carried = await cards.OnNotesAsync([noteId], cancellationToken);
        if (carried.TryGetValue(noteId, out var products))
        {
            await RefreshAsync(products, cancellationToken);
        }
    }

    /// <summary>Indexes every product the catalogue has that the index has not read yet; returns how many were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var state = await db.State.FirstOrDefaultAsync(s => s.Key == SearchState.ProductsCaughtUpTo, cancellationToken);
        if (state is null)
        {
            state = new SearchState { Key = SearchState.ProductsCaughtUpTo };
            db.State.Add(state);
        }

        var read = 0;
        while (true)
        {
            var records = await catalog.ProductsAfterAsync(state.Value, Batch, cancellationToken);
            if (records.Count == 0)
            {
                return read;
            }

            await engine.WriteAsync(db, await DocumentsAsync(records, cancellationToken), clock.GetUtcNow(), cancellationToken);
            read += records.Count;
            state.Value = records[^1].Id;
            state.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the product index and reads the whole catalogue again (after the notes, whose titles it borrows).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await engine.ClearAsync(db, cancellationToken);
        await db.State.Where(s => s.Key == SearchState.ProductsCaughtUpTo).ExecuteDeleteAsync(cancellationToken);
        await db.ProductMarks.ExecuteDeleteAsync(cancellationToken);
        return await CatchUpAsync(cancellationToken);
    }

    private async Task<List<ProductDocument>> DocumentsAsync(IReadOnlyList<ProductRecord> records, CancellationToken cancellationToken)
    {
        var documents = new List<ProductDocument>();
        foreach (var record in records.Where(r => r.Listed))
        {
            documents.Add(ProductDocument.From(record, await NoteTitlesAsync(record.Id, cancellationToken))!);
        }

        return documents;
    }

    /// <summary>The titles of the public notes carrying the product, newest card first: what people call it in their own words.</summary>
    private async Task<string> NoteTitlesAsync(long productId, CancellationToken cancellationToken)
    {
        var noteIds = await cards.NotesCarryingAsync(productId, NotesRead, cancellationToken);
        if (noteIds.Count == 0)
        {
            return "";
        }

        var titles = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id) && n.Audience == NoteAudience.Public)
            .Select(n => new { n.Id, n.Title }).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        return string.Join(' ', noteIds.Where(titles.ContainsKey).Select(id => titles[id]));
    }
}
