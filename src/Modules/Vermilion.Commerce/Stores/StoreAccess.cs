using Microsoft.EntityFrameworkCore;

namespace Vermilion.Commerce.Stores;

/// <summary>Which store a person runs: the only one whose products, orders and after-sales they may act on.</summary>
internal sealed class StoreAccess(CommerceDb db)
{
    public Task<Store?> OwnedAsync(long userId, CancellationToken cancellationToken) =>
        db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.OwnerId == userId, cancellationToken);

    /// <summary>The approved store the person runs, or null.</summary>
    public Task<Store?> OpenAsync(long userId, CancellationToken cancellationToken) =>
        db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.OwnerId == userId && s.Status == StoreStatus.Approved, cancellationToken);
}
