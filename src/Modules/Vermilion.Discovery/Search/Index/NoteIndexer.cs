using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Keeps the index equal to the community's notes, with the titles of the products their cards carry. Every change
/// is applied by reading the note as it is now (events say that something changed, the export says what it is), so
/// repeated or reordered events are harmless.
/// </summary>
internal sealed class NoteIndexer(SearchDb db, IFullTextEngine engine, ICommunityExport community, NoteProductWords productWords, TimeProvider clock)
{
    private const int Batch = 2000;

    /// <summary>Indexes the note as it is now, or removes it when nobody may find it any more.</summary>
    public async Task RefreshAsync(long noteId, CancellationToken cancellationToken)
    {
        var record = await community.NoteAsync(noteId, cancellationToken);
        var document = record is null ? null : NoteDocument.From(record);
        if (document is null)
        {
            await engine.RemoveAsync(db, [noteId], cancellationToken);
            return;
        }

        var stored = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        if (stored is not null && stored.Title == document.Title && stored.Body == document.Body && stored.Topics == document.Topics
            && stored.Audience == document.Audience && stored.City == document.City)
        {
            // Only counters moved (a like, a collect, a comment): the words stay as they are.
            await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LikeCount, document.LikeCount)
                .SetProperty(n => n.CollectCount, document.CollectCount)
                .SetProperty(n => n.CommentCount, document.CommentCount), cancellationToken);
            return;
        }

        // The words are written whole, so the product words are read now too: a card set meanwhile is not lost.
        var words = await productWords.ForAsync([noteId], cancellationToken);
        await engine.WriteAsync(db, [document with { Products = words.GetValueOrDefault(noteId, "") }], clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Writes these notes again with the product words they carry now (cards set, a product renamed or delisted),
    /// from what the index holds: the community is not asked. Notes the index does not hold are left alone.
    /// </summary>
    public async Task RefreshProductWordsAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0)
        {
            return;
        }

        var stored = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).ToListAsync(cancellationToken);
        var words = await productWords.ForAsync([.. stored.Select(n => n.Id)], cancellationToken);
        var changed = stored.Where(n => n.Products != words.GetValueOrDefault(n.Id, ""))
            .Select(n => NoteDocument.From(n) with { Products = words.GetValueOrDefault(n.Id, "") }).ToList();
        await engine.WriteAsync(db, changed, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Indexes every note the community has that the index has not read yet; returns how many were read.</summary>
    public async Task<int> CatchUpAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var state = await db.State.FirstOrDefaultAsync(s => s.Key == SearchState.NotesCaughtUpTo, cancellationToken);
        if (state is null)
        {
            state = new SearchState { Key = SearchState.NotesCaughtUpTo };
            db.State.Add(state);
        }

        var read = 0;
        while (true)
        {
            var notes = await community.NotesAfterAsync(state.Value, Batch, cancellationToken);
            if (notes.Count == 0)
            {
                return read;
            }

            var words = await productWords.ForAsync([.. notes.Select(n => n.Id)], cancellationToken);
            var documents = notes.Select(NoteDocument.From).OfType<NoteDocument>()
                .Select(d => words.TryGetValue(d.Id, out var products) ? d with { Products = products } : d).ToList();
            await engine.WriteAsync(db, documents, clock.GetUtcNow(), cancellationToken);
            read += notes.Count;
            state.Value = notes[^1].Id;
            state.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(read);
        }
    }

    /// <summary>Forgets the index and reads everything again.</summary>
    public async Task<int> RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await engine.ClearAsync(db, cancellationToken);
        await db.State.Where(s => s.Key == SearchState.NotesCaughtUpTo).ExecuteDeleteAsync(cancellationToken);
        return await CatchUpAsync(progress, cancellationToken);
    }
}
