using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Suggestions;

namespace Vermilion.Discovery.Search.Analysis;

/// <summary>The lexicon this node segments queries with; replaced whole when a new one is learned or loaded.</summary>
internal sealed class LexiconHolder
{
    private volatile Lexicon _current = Lexicon.Empty;

    public Lexicon Current
    {
        get => _current;
        set => _current = value;
    }
}

/// <summary>Learns the lexicon from the indexed notes and the query log, stores it, and loads it on every node.</summary>
internal sealed class LexiconStore(SearchDb db, LexiconHolder holder)
{
    private const int NotesRead = 200_000;

    public async Task<Lexicon> LearnAsync(CancellationToken cancellationToken)
    {
        var learner = new LexiconLearner(new LexiconSettings());
        // Newest first: the budget goes to what people write now.
        await foreach (var note in db.Notes.AsNoTracking().OrderByDescending(n => n.Id).Take(NotesRead)
            .Select(n => new { n.Title, n.Body }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!learner.Add(note.Title) || !learner.Add(note.Body))
            {
                break;
            }
        }

        // A query searched by many counts more, but one loud query cannot flood the counts.
        foreach (var query in await db.Queries.AsNoTracking().OrderByDescending(q => q.Count).Take(20_000).ToListAsync(cancellationToken))
        {
            learner.Add(query.Text, (int)Math.Min(20, 1 + Math.Log2(query.Count)));
        }

        var lexicon = learner.Learn(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lexicon.ExecuteDeleteAsync(cancellationToken);
        db.Lexicon.AddRange(lexicon.Words.Select(w => new LexiconWord { Word = w.Key, Count = w.Value }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        holder.Current = lexicon;
        return lexicon;
    }

    /// <summary>Loads the stored lexicon; false when none has been learned yet.</summary>
    public async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var words = await db.Lexicon.AsNoTracking().ToDictionaryAsync(w => w.Word, w => w.Count, cancellationToken);
        if (words.Count == 0)
        {
            return false;
        }

        holder.Current = new Lexicon(words);
        return true;
    }
}
