using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;

namespace Vermilion.Commerce.Stores;

/// <summary>
/// A moderator approves a store application (its owner becomes a merchant) or rejects it with a reason; for an
/// approved store, approves or rejects the change of name, kind or licence it asked for.
/// </summary>
internal sealed class DecideStoreHandler(CommerceDb db, TimeProvider clock, OutboxWriter outbox, IUserDirectory users, IRoleAdministration roles, StoreQueries queries, IStringLocalizer text)
{
    public async Task<Outcome<StoreView>> HandleAsync(long moderatorId, long storeId, StoreDecision decision, CancellationToken cancellationToken)
    {
        var moderator = await users.FindAsync(moderatorId, cancellationToken);
        if (moderator is null || !moderator.Roles.Any(r => r is Roles.Moderator or Roles.Admin))
        {
            return new Failure(FailureKind.Forbidden, text["commerce.store.moderators_only"]);
        }

        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null)
        {
            return new Failure(FailureKind.NotFound, text["commerce.store.not_found"]);
        }

        var note = (decision.Note ?? "").Trim();
        if ((!decision.Approve && note.Length == 0) || note.Length > 200)
        {
            return Failure.Invalid("note", text["commerce.store.reject_reason"]);
        }

        if (store.Status != StoreStatus.Pending && store.ChangeRequestedAt is null)
        {
            return new Failure(FailureKind.Conflict, text["commerce.store.already_decided"]);
        }

        var application = store.Status == StoreStatus.Pending;
        if (application)
        {
            store.Status = decision.Approve ? StoreStatus.Approved : StoreStatus.Rejected;
            db.OutboxMessages.Add(outbox.Wrap(new StoreDecided(store.Id, store.OwnerId, decision.Approve)));
        }
        else
        {
            if (decision.Approve)
            {
                store.Name = store.PendingName!;
                store.Kind = store.PendingKind!.Value;
                store.Licence = store.PendingLicence;
            }

            store.PendingName = null;
            store.PendingKind = null;
            store.PendingLicence = null;
            store.ChangeRequestedAt = null;
            db.OutboxMessages.Add(outbox.Wrap(new StoreChangeDecided(store.Id, store.OwnerId, decision.Approve)));
        }

        store.DecidedAt = clock.GetUtcNow();
        store.DecidedBy = moderatorId;
        store.DecisionNote = note.Length > 0 ? note : null;
        await db.SaveChangesAsync(cancellationToken);

        if (application && decision.Approve && await users.FindAsync(store.OwnerId, cancellationToken) is { } owner)
        {
            await roles.GrantAsync(owner.Username, Roles.Merchant, cancellationToken);
        }

        return await queries.ViewAsync(store, cancellationToken, withPendingChange: true);
    }
}
