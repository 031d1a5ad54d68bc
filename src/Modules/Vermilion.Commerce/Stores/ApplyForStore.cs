using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Events;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Stores;

/// <summary>
/// A person applies to open a store (开店), or updates the one they run: name, kind, licence, description and the
/// commission offered to creators. A new application waits for a moderator. Once approved, the description and
/// commission change at once, but a new name, kind or licence goes back to review: the store keeps trading under
/// what was approved until a moderator approves the change.
/// </summary>
internal sealed class ApplyForStoreHandler(CommerceDb db, IdGenerator ids, TimeProvider clock, OutboxWriter outbox, StoreQueries queries, IStringLocalizer text)
{
    public const int CommissionMax = 5000;

    public async Task<Outcome<StoreView>> HandleAsync(long userId, StoreApplication request, CancellationToken cancellationToken)
    {
        var name = (request.Name ?? "").Trim();
        var description = (request.Description ?? "").Trim();
        var kind = StoreNames.ParseKind(request.Kind);
        var store = await db.Stores.FirstOrDefaultAsync(s => s.OwnerId == userId, cancellationToken);
        var trading = store is { Status: StoreStatus.Approved or StoreStatus.Suspended };
        var licence = StoreIdentity.NormalizeLicence(request.Licence) ?? (trading ? store!.Licence : null); // left out: keep the approved one
        var errors = Validate(request, name, kind, licence, description, store);
        if (!errors.IsEmpty)
        {
            return Failure.Invalid(errors, text["common.invalid"]);
        }

        if (await db.Stores.AnyAsync(s => (s.Name == name || s.PendingName == name) && s.OwnerId != userId, cancellationToken))
        {
            return Failure.Invalid("name", text["commerce.store.name_taken"]);
        }

        var now = clock.GetUtcNow();
        if (store is null)
        {
            store = new Store { Id = ids.Next(), OwnerId = userId, Name = name, Status = StoreStatus.Pending, CreatedAt = now };
            db.Stores.Add(store);
            db.OutboxMessages.Add(outbox.Wrap(new StoreApplied(store.Id, userId, name)));
        }
        else if (store.Status == StoreStatus.Rejected)
        {
            store.Status = StoreStatus.Pending; // applying again after a rejection
            db.OutboxMessages.Add(outbox.Wrap(new StoreApplied(store.Id, userId, name)));
        }

        if (store.Status == StoreStatus.Pending)
        {
            store.Name = name; // still under review: the moderator sees the application as it stands now
            store.Kind = kind!.Value;
            store.Licence = licence;
        }
        else
        {
            RequestChange(store, name, kind!.Value, licence, now);
        }

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

        return await queries.ViewAsync(store, cancellationToken, withPendingChange: true);
    }

    /// <summary>An approved store's new identity waits for review; asking for what was approved withdraws a waiting change.</summary>
    private void RequestChange(Store store, string name, StoreKind kind, string? licence, DateTimeOffset now)
    {
        if (name == store.Name && kind == store.Kind && licence == store.Licence)
        {
            store.PendingName = null;
            store.PendingKind = null;
            store.PendingLicence = null;
            store.ChangeRequestedAt = null;
            return;
        }

        if (store.PendingName != name || store.PendingKind != kind || store.PendingLicence != licence || store.ChangeRequestedAt is null)
        {
            store.PendingName = name;
            store.PendingKind = kind;
            store.PendingLicence = licence;
            store.ChangeRequestedAt = now;
            db.OutboxMessages.Add(outbox.Wrap(new StoreChangeRequested(store.Id, store.OwnerId, name)));
        }
    }

    private FieldErrors Validate(StoreApplication request, string name, StoreKind? kind, string? licence, string description, Store? store)
    {
        var errors = new FieldErrors();
        if (name.Length is < 2 or > Store.NameMax)
        {
            errors.Add("name", text["commerce.store.name", Store.NameMax]);
        }
        else if (StoreIdentity.ClaimsBrand(name) && kind != StoreKind.Flagship)
        {
            errors.Add("name", text["commerce.store.brand_words"]);
        }

        if (kind is null)
        {
            errors.Add("kind", text["commerce.store.kind"]);
        }

        // A flagship approved before licences were asked for keeps trading; any new claim to the kind brings its evidence.
        var grandfathered = store is { Status: not StoreStatus.Pending and not StoreStatus.Rejected, Kind: StoreKind.Flagship, Licence: null }
            && kind == StoreKind.Flagship && name == store.Name;
        if (licence is not null && !StoreIdentity.IsLicence(licence))
        {
            errors.Add("licence", text["commerce.store.licence_format", StoreIdentity.LicenceLength]);
        }
        else if (licence is null && kind == StoreKind.Flagship && !grandfathered)
        {
            errors.Add("licence", text["commerce.store.licence_required"]);
        }

        if (description.Length > Store.DescriptionMax)
        {
            errors.Add("description", text["commerce.field.too_long", Store.DescriptionMax]);
        }

        if (request.CommissionBasisPoints is < 0 or > CommissionMax)
        {
            errors.Add("commissionBasisPoints", text["commerce.store.commission", CommissionMax / 100]);
        }

        return errors;
    }
}
