using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Stores;

/// <summary>
/// A person applies to open a store (开店), or updates the one they run: name, kind, description and the
/// commission offered to creators. A new application waits for a moderator.
/// </summary>
internal sealed class ApplyForStoreHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, StoreQueries queries, IStringLocalizer text)
{
    public const int CommissionMax = 5000;

    public async Task<Outcome<StoreView>> HandleAsync(long userId, StoreApplication request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = (request.Name ?? "").Trim();
        var description = (request.Description ?? "").Trim();
        var kind = StoreNames.ParseKind(request.Kind);
        if (name.Length is < 2 or > Store.NameMax)
        {
            errors.Add("name", text["commerce.store.name", Store.NameMax]);
        }

        if (kind is null)
        {
            errors.Add("kind", text["commerce.store.kind"]);
        }

        if (description.Length > Store.DescriptionMax)
        {
            errors.Add("description", text["commerce.field.too_long", Store.DescriptionMax]);
        }

        if (request.CommissionBasisPoints is < 0 or > CommissionMax)
        {
            errors.Add("commissionBasisPoints", text["commerce.store.commission", CommissionMax / 100]);
        }

        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        if (await db.Stores.AnyAsync(s => s.Name == name && s.OwnerId != userId, cancellationToken))
        {
            return Failure.Invalid("name", text["commerce.store.name_taken"]);
        }

        var store = await db.Stores.FirstOrDefaultAsync(s => s.OwnerId == userId, cancellationToken);
        if (store is null)
        {
            store = new Store { Id = ids.Next(), OwnerId = userId, Name = name, Status = StoreStatus.Pending, CreatedAt = clock.GetUtcNow() };
            db.Stores.Add(store);
            db.OutboxMessages.Add(outbox.Wrap(new StoreApplied(store.Id, userId, name)));
        }
        else if (store.Status == StoreStatus.Rejected)
        {
            store.Status = StoreStatus.Pending; // applying again after a rejection
            db.OutboxMessages.Add(outbox.Wrap(new StoreApplied(store.Id, userId, name)));
        }

        store.Name = name;
        store.Kind = kind!.Value;
        store.Description = description;
        store.CommissionBasisPoints = request.CommissionBasisPoints ?? store.CommissionBasisPoints;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            return new Failure(FailureKind.Conflict, text["commerce.store.exists"]);
        }

        return (await queries.ViewAsync(store.Id, cancellationToken))!;
    }
}
