using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Feeds.Following;

namespace Vermilion.Community.Notes;

/// <summary>
/// The one place that decides who sees which note: published and due; public, or followers-only to followers,
/// or private to the author; and never across a block in either direction.
/// </summary>
internal static class Visibility
{
    public static IQueryable<Note> VisibleTo(this IQueryable<Note> notes, CommunityDb db, long? viewer, DateTimeOffset now)
    {
        var visible = notes.Where(n => n.Status == NoteStatus.Published && n.PublishAt <= now);
        if (viewer is not { } me)
        {
            return visible.Where(n => n.Privacy == Privacy.Public);
        }

        return visible
            .Where(n => n.AuthorId == me
                || n.Privacy == Privacy.Public
                || (n.Privacy == Privacy.Followers && db.Follows.Any(f => f.FollowerId == me && f.FolloweeId == n.AuthorId)))
            .Where(n => !db.Blocks.Any(b => (b.BlockerId == n.AuthorId && b.BlockedId == me) || (b.BlockerId == me && b.BlockedId == n.AuthorId)));
    }

    /// <summary>
    /// The same rule in memory, for a note from the row cache and the viewer's ties from the timeline cache; keep
    /// the two in step.
    /// </summary>
    public static bool Allows(Note note, long? viewer, ReaderGraph? graph, DateTimeOffset now)
    {
        if (note.Status != NoteStatus.Published || note.PublishAt > now)
        {
            return false;
        }

        if (viewer is not { } me || graph is null)
        {
            return note.Privacy == Privacy.Public;
        }

        return (note.AuthorId == me
                || note.Privacy == Privacy.Public
                || (note.Privacy == Privacy.Followers && graph.Followees.Contains(note.AuthorId)))
            && !graph.Blocked.Contains(note.AuthorId);
    }

    /// <summary>True when either person has blocked the other.</summary>
    public static Task<bool> BlockedBetweenAsync(this CommunityDb db, long a, long b, CancellationToken cancellationToken) =>
        db.Blocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a), cancellationToken);
}
