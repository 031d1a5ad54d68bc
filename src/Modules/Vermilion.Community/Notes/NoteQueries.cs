using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Kernel.Ids;
using Vermilion.Community.Contracts;

namespace Vermilion.Community.Notes;

/// <summary>A note as one reader sees it: what every reader shares, and the whole view with their own bits.</summary>
/// <param name="Blocked">The people a block separates this reader from, whose comments the page leaves out.</param>
internal sealed record ReaderNote(SharedNote Shared, NoteDetail Detail, IReadOnlySet<long> Blocked);

/// <summary>Reads notes as a viewer may see them: a whole note, or a page of cards.</summary>
internal sealed class NoteQueries(
    CommunityDb db,
    IUserDirectory users,
    Likes.LikedNotes likes,
    Boards.CollectedNotes collections,
    SharedNotes shared,
    Feeds.Following.TimelineCache timelines,
    TimeProvider clock)
{
    /// <summary>A note as the viewer may see it; the author also sees their drafts and scheduled notes.</summary>
    public async Task<NoteDetail?> DetailAsync(long noteId, long? viewer, CancellationToken cancellationToken) =>
        (await ForReaderAsync(noteId, viewer, cancellationToken))?.Detail;

    /// <summary>
    /// The note for one reader, by the visibility rule (<see cref="Visibility.Allows"/>, decided in memory from the
    /// reader's ties), built on the view every reader shares; the reader's own bits are their likes (kept in
    /// memory), whom they follow (likewise) and one question for whether they collected it.
    /// </summary>
    public async Task<ReaderNote?> ForReaderAsync(long noteId, long? viewer, CancellationToken cancellationToken)
    {
        var note = await shared.NoteAsync(noteId, () => BuildAsync(noteId, cancellationToken));
        if (note is null)
        {
            return null;
        }

        var graph = viewer is { } reader ? await timelines.GraphAsync(db, reader, cancellationToken) : null;
        var own = viewer is not null && viewer == note.Row.AuthorId && note.Row.Status != NoteStatus.Deleted;
        if (!own && !Visibility.Allows(note.Row, viewer, graph, clock.GetUtcNow()))
        {
            return null;
        }

        if (viewer is not { } me || graph is null)
        {
            return new ReaderNote(note, note.Detail, new HashSet<long>());
        }

        var liked = (await likes.AmongAsync(db, me, [noteId], cancellationToken)).Count > 0;
        var collected = (await collections.AmongAsync(db, me, [noteId], cancellationToken)).Count > 0;
        var detail = note.Detail with { Liked = liked, Collected = collected, FollowingAuthor = graph.Followees.Contains(note.Row.AuthorId) };
        return new ReaderNote(note, detail, graph.Blocked);
    }

    /// <summary>The note as every reader sees it, whatever its status (each reader's access is decided above).</summary>
    private async Task<SharedNote?> BuildAsync(long noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().Include(n => n.Media).FirstOrDefaultAsync(n => n.Id == noteId && n.Status != NoteStatus.Deleted, cancellationToken);
        if (note is null)
        {
            return null;
        }

        var author = await users.FindAsync(note.AuthorId, cancellationToken) ?? NoteNames.Unknown(note.AuthorId);
        var topics = await db.NoteTopics.Where(t => t.NoteId == noteId).Select(t => t.Topic).ToListAsync(cancellationToken);
        var inSeries = await db.SeriesNotes.AnyAsync(s => s.NoteId == noteId, cancellationToken);
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var username in NoteText.Mentions(note.Body))
        {
            if (await users.FindIdByUsernameAsync(username, cancellationToken) is { } userId)
            {
                links[username] = "/user/" + ShortId.Encode(userId);
            }
        }

        var detail = new NoteDetail(
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
            Liked: false,
            Collected: false,
            FollowingAuthor: false,
            note.PinnedCommentId is { } pinned ? ShortId.Encode(pinned) : null,
            note.DurationSeconds);
        return new SharedNote(note, detail, NoteText.ToHtml(note.Body, links), inSeries);
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
