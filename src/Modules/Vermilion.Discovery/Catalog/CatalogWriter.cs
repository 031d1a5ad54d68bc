using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;

namespace Vermilion.Discovery.Catalog;

/// <summary>Writes the community's notes, as they are now, into the feed's copy.</summary>
internal sealed class CatalogWriter(FeedDb db, TimeProvider clock)
{
    /// <summary>Inserts or refreshes the notes; returns how many rows changed.</summary>
    public async Task<int> UpsertAsync(IReadOnlyList<NoteRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var ids = records.Select(r => r.Id).ToList();
        var existing = await db.Notes.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var record in records)
        {
            if (!existing.TryGetValue(record.Id, out var note))
            {
                note = new FeedNote { Id = record.Id };
                db.Notes.Add(note);
            }

            Copy(record, note);
            if (db.Entry(note).State != EntityState.Unchanged)
            {
                note.ChangedAt = now;
            }
        }

        var changed = await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changed;
    }

    private static void Copy(NoteRecord record, FeedNote note)
    {
        note.AuthorId = record.AuthorId;
        note.Type = Clip(record.Type, 10);
        note.Title = Clip(record.Title, FeedNote.TitleMax);
        note.Excerpt = Clip(record.Body, FeedNote.ExcerptMax);
        note.Topics = Clip(string.Join('\n', record.Topics), FeedNote.TopicsMax);
        note.City = Clip(record.City, 40);
        note.Latitude = record.Latitude;
        note.Longitude = record.Longitude;
        note.PublishedAt = record.PublishedAt;
        note.Recommendable = record.Visible && record.Privacy == "public";
        note.Likes = record.LikeCount;
        note.Collects = record.CollectCount;
        note.Comments = record.CommentCount;
    }

    private static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
