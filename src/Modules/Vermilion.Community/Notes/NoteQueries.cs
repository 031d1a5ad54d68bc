using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Notes;

/// <summary>Reads notes as a viewer may see them: a whole note, or a page of cards.</summary>
internal sealed class NoteQueries(CommunityDb db, IUserDirectory users, Likes.LikedNotes likes, TimeProvider clock)
{
    /// <summary>A note as the viewer may see it; the author also sees their drafts and scheduled notes.</summary>
    public async Task<NoteDetail?> DetailAsync(long noteId, long? viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var note = await db.Notes.AsNoTracking().Include(n => n.Media).VisibleTo(db, viewer, now).FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? await db.Notes.AsNoTracking().Include(n => n.Media)
                .FirstOrDefaultAsync(n => n.Id == noteId && n.AuthorId == viewer && n.Status != NoteStatus.Deleted, cancellationToken);
        if (note is null)
        {
            return null;
        }

        var author = await users.FindAsync(note.AuthorId, cancellationToken) ?? NoteNames.Unknown(note.AuthorId);
        var me = viewer ?? 0;
        var liked = viewer is not null && await db.Likes.AnyAsync(l => l.NoteId == noteId && l.UserId == me, cancellationToken);
        var collected = viewer is not null && await db.BoardItems.AnyAsync(i => i.NoteId == noteId && i.UserId == me, cancellationToken);
        var following = viewer is not null && await db.Follows.AnyAsync(f => f.FollowerId == me && f.FolloweeId == note.AuthorId, cancellationToken);
        var topics = await db.NoteTopics.Where(t => t.NoteId == noteId).Select(t => t.Topic).ToListAsync(cancellationToken);
        return new NoteDetail(
            ShortId.Encode(note.Id),
            NoteNames.TypeName(note.Type),
            note.Title,
            note.Body,
            [.. note.Media.OrderBy(m => m.Position).Select(m => new NoteImage("/media/" + m.MediaKey, m.Width, m.Height, m.PosterKey is null ? null : "/media/" + m.PosterKey, m.Color))],
            NoteNames.CoverUrl(note),
            topics,
            note.City,
            note.Place,
            note.Latitude,
            note.Longitude,
            NoteNames.PrivacyName(note.Privacy),
            note.Status.ToString().ToLowerInvariant(),
            note.PublishAt,
            note.EditedAt,
            author,
            note.LikeCount,
            note.CollectCount,
            note.CommentCount,
            liked,
            collected,
            following,
            note.PinnedCommentId is { } pinned ? ShortId.Encode(pinned) : null,
            note.DurationSeconds);
    }

    /// <summary>Turns notes into cards with their authors and whether the viewer liked each.</summary>
    public async Task<List<NoteCard>> CardsAsync(IReadOnlyList<Note> notes, long? viewer, CancellationToken cancellationToken, Func<Note, string?>? reason = null)
    {
        if (notes.Count == 0)
        {
            return [];
        }

        var authors = await users.FindManyAsync([.. notes.Select(n => n.AuthorId).Distinct()], cancellationToken);
        var ids = notes.Select(n => n.Id).ToList();
        var me = viewer ?? 0;
        var liked = viewer is null ? [] : await likes.AmongAsync(db, me, ids, cancellationToken);
        return [.. notes.Select(n => NoteNames.ToCard(n, authors.GetValueOrDefault(n.AuthorId) ?? NoteNames.Unknown(n.AuthorId), liked.Contains(n.Id), reason?.Invoke(n)))];
    }
}
