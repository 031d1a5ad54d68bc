using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Vermilion.Community.Notes;

/// <summary>
/// What a note card needs of each note (no body beyond what a card title can show), kept in memory on this node
/// for <see cref="Life"/>: feeds show the same notes to many readers, and reading them by id was most of a feed
/// page's work. Status, privacy and time are kept with the row, so every reader's visibility is still decided per
/// request. The writes that change what a card or the note's page shows (delete, edit, publish, like, collect,
/// comment) drop the row at once on this node, with the note's shared page (<see cref="SharedNotes"/>); other nodes
/// catch up when it expires.
/// </summary>
internal sealed class NoteRowCache(SharedNotes shared, NotePageEviction pages, Feeds.NewestNotes newest) : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(30);

    /// <summary>A card title shows at most 40 characters of a body (then "…"), so 41 are enough to build it.</summary>
    private const int BodyForTitle = 41;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>The notes among <paramref name="ids"/> that exist, whatever their status, by id.</summary>
    public async Task<Dictionary<long, Note>> GetAsync(CommunityDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, Note>(ids.Count);
        List<long>? missing = null;
        foreach (var id in ids)
        {
            if (cache.TryGetValue(id, out Note? note) && note is not null)
            {
                found[id] = note;
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is not null)
        {
            foreach (var note in await LoadAsync(db, missing, cancellationToken))
            {
                cache.Set(note.Id, note, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 });
                found[note.Id] = note;
            }
        }

        return found;
    }

    public void Forget(long noteId)
    {
        cache.Remove(noteId);
        shared.Forget(noteId);
        pages.Evict(noteId);
        newest.Forget(noteId);
    }

    public void Dispose() => cache.Dispose();

    private static Task<List<Note>> LoadAsync(CommunityDb db, List<long> ids, CancellationToken cancellationToken) =>
        db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => new Note
        {
            Id = n.Id,
            AuthorId = n.AuthorId,
            Type = n.Type,
            Title = n.Title,
            Body = n.Title == "" ? n.Body.Substring(0, BodyForTitle) : "",
            City = n.City,
            Privacy = n.Privacy,
            Status = n.Status,
            PublishAt = n.PublishAt,
            CreatedAt = n.CreatedAt,
            CoverKey = n.CoverKey,
            CoverColor = n.CoverColor,
            CoverWidth = n.CoverWidth,
            CoverHeight = n.CoverHeight,
            DurationSeconds = n.DurationSeconds,
            LikeCount = n.LikeCount,
            CollectCount = n.CollectCount,
            CommentCount = n.CommentCount,
        }).ToListAsync(cancellationToken);
}
