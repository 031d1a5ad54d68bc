using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Feeds.Following;
using Vermilion.Kernel.Errors;

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

    /// <summary>Whether <paramref name="viewer"/> may see the note, by the rule above.</summary>
    public static Task<bool> CanSeeAsync(CommunityDb db, long noteId, long? viewer, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Notes.AsNoTracking().VisibleTo(db, viewer, now).AnyAsync(n => n.Id == noteId, cancellationToken);

    /// <summary>
    /// Someone acting on a note that is not theirs: refused if they may see it, not found if they may not, so the
    /// answer never tells a private note (or one hidden by a block) from a missing one.
    /// </summary>
    public static async Task<Failure> NotYoursAsync(CommunityDb db, long noteId, long userId, DateTimeOffset now, IStringLocalizer text, CancellationToken cancellationToken) =>
        await CanSeeAsync(db, noteId, userId, now, cancellationToken)
            ? new Failure(FailureKind.Forbidden, text["community.note.not_yours"])
            : new Failure(FailureKind.NotFound, text["community.note.not_found"]);

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
