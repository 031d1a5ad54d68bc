using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Community.Follows;
using Vermilion.Community.Notes;
using Vermilion.Kernel.Events;
using Vermilion.Community.Feeds.Following;

namespace Vermilion.Community.Profiles;

/// <summary>
/// When someone closes their account, their notes are withdrawn (as if deleted, counters and topics moved),
/// their follows in both directions end, and their series go. Comments and messages stay, shown under the
/// closed account's neutral name, so the conversations others had keep their sense.
/// </summary>
internal sealed class WithdrawClosedAccount(CommunityDb db, NoteRowCache rows, TimelineCache timelines, NotePublication publication, FollowHandler follows, TimeProvider clock)
    : IEventHandler<AccountDeleted>
{
    public async Task HandleAsync(AccountDeleted domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        var user = domainEvent.UserId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.FirstTimeAsync("community.closed-account", context, clock.GetUtcNow(), cancellationToken))
        {
            return;
        }

        var notes = await db.Notes.Where(n => n.AuthorId == user && n.Status != NoteStatus.Deleted).ToListAsync(cancellationToken);
        foreach (var note in notes)
        {
            if (note.Status == NoteStatus.Published)
            {
                await publication.WithdrawAsync(note, cancellationToken);
            }

            note.Status = NoteStatus.Deleted;
        }

        var edges = await db.Follows.AsNoTracking().Where(f => f.FollowerId == user || f.FolloweeId == user)
            .Select(f => new { f.FollowerId, f.FolloweeId }).ToListAsync(cancellationToken);
        foreach (var edge in edges)
        {
            await follows.RemoveAsync(edge.FollowerId, edge.FolloweeId, cancellationToken);
        }

        var series = db.Series.Where(s => s.OwnerId == user).Select(s => s.Id);
        await db.SeriesNotes.Where(n => series.Contains(n.SeriesId)).ExecuteDeleteAsync(cancellationToken);
        await db.Series.Where(s => s.OwnerId == user).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var note in notes)
        {
            rows.Forget(note.Id);
        }

        foreach (var edge in edges)
        {
            timelines.ForgetReader(edge.FollowerId);
        }
    }
}
