using Microsoft.EntityFrameworkCore;
using Vermilion.Accounts.Contracts;
using Vermilion.Discovery.Feed;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Signals;

/// <summary>
/// A new person's interests seed their first feed; a changed profile (city, interests) is read again; a closed
/// account's signals are erased, because they describe a person who asked to leave.
/// </summary>
internal sealed class AccountSignals(FeedDb db, SignalWriter writer, ViewerActivity activity, ViewerContextCache viewers)
    : IEventHandler<UserSignedUp>, IEventHandler<ProfileUpdated>, IEventHandler<AccountDeleted>
{
    private const string Handler = "discovery.feed.account-signals";

    public Task HandleAsync(UserSignedUp domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        viewers.Forget(domainEvent.UserId);
        var picks = domainEvent.Interests.Where(i => i.Length is > 0 and <= FeedEvent.QueryMax).Distinct()
            .Select(i => new FeedEvent { UserId = domainEvent.UserId, Kind = FeedEventKind.Interest, Query = i }).ToList();
        return picks.Count == 0 ? Task.CompletedTask : writer.WriteOnceAsync(Handler, context, picks, cancellationToken);
    }

    public Task HandleAsync(ProfileUpdated domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        viewers.Forget(domainEvent.UserId);
        return Task.CompletedTask;
    }

    public async Task HandleAsync(AccountDeleted domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        await db.Events.Where(e => e.UserId == domainEvent.UserId).ExecuteDeleteAsync(cancellationToken);
        activity.Forget(domainEvent.UserId);
        viewers.Forget(domainEvent.UserId);
    }
}
