using Microsoft.EntityFrameworkCore;
using Vermilion.Commerce.Catalog;
using Vermilion.Kernel.Ids;

namespace Vermilion.Commerce.Stores;

/// <summary>
/// A store's public figures. The rating is the average of its reviews; the reply rate and median reply time are
/// over its negative reviews (rating ≤ 2), which stay "awaiting reply" until the merchant answers.
/// </summary>
internal sealed class StoreQueries(CommerceDb db)
{
    public async Task<StoreView?> ViewAsync(long storeId, CancellationToken cancellationToken)
    {
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        return store is null ? null : await ViewAsync(store, cancellationToken);
    }

    /// <param name="withPendingChange">Only for the store's owner and moderators: what the store asked to become.</param>
    public async Task<StoreView> ViewAsync(Store store, CancellationToken cancellationToken, bool withPendingChange = false)
    {
        var negatives = await db.Reviews.AsNoTracking().Where(r => r.StoreId == store.Id && r.Rating <= Reviews.Review.NegativeAtMost)
            .Select(r => new { r.CreatedAt, r.RepliedAt }).ToListAsync(cancellationToken);
        var replyHours = negatives.Where(n => n.RepliedAt is not null).Select(n => (n.RepliedAt!.Value - n.CreatedAt).TotalHours).Order().ToList();
        double? median = replyHours.Count == 0 ? null
            : replyHours.Count % 2 == 1 ? replyHours[replyHours.Count / 2]
            : (replyHours[(replyHours.Count / 2) - 1] + replyHours[replyHours.Count / 2]) / 2;
        var products = await db.Products.CountAsync(p => p.StoreId == store.Id && p.Status == ProductStatus.OnShelf, cancellationToken);
        return new StoreView(
            ShortId.Encode(store.Id),
            ShortId.Encode(store.OwnerId),
            store.Name,
            StoreNames.Of(store.Kind),
            StoreNames.Of(store.Status),
            store.Description,
            store.CommissionBasisPoints,
            store.RatingCount == 0 ? null : Math.Round((double)store.RatingSum / store.RatingCount, 1),
            store.RatingCount,
            negatives.Count,
            negatives.Count == 0 ? null : Math.Round((double)replyHours.Count / negatives.Count, 3),
            median is null ? null : Math.Round(median.Value, 1),
            products,
            store.CreatedAt,
            store.Licence,
            withPendingChange && store.ChangeRequestedAt is { } requested
                ? new StoreChangeView(store.PendingName!, StoreNames.Of(store.PendingKind!.Value), store.PendingLicence, requested)
                : null);
    }

    public async Task<IReadOnlyList<StoreView>> ListAsync(StoreStatus status, int take, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking().Where(s => s.Status == status).OrderByDescending(s => s.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
        return await ViewsAsync(stores, withPendingChange: status == StoreStatus.Pending, cancellationToken);
    }

    /// <summary>Trading stores that asked to change their name, kind or licence, oldest request first: a moderator's queue.</summary>
    public async Task<IReadOnlyList<StoreView>> ChangesAsync(int take, CancellationToken cancellationToken)
    {
        var stores = await ChangeRequests().OrderBy(s => s.ChangeRequestedAt).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
        return await ViewsAsync(stores, withPendingChange: true, cancellationToken);
    }

    /// <summary>How many applications and how many changes wait for a moderator.</summary>
    public async Task<(int Applications, int Changes)> WaitingAsync(CancellationToken cancellationToken) =>
        (await db.Stores.CountAsync(s => s.Status == StoreStatus.Pending, cancellationToken), await ChangeRequests().CountAsync(cancellationToken));

    private IQueryable<Store> ChangeRequests() => db.Stores.AsNoTracking().Where(s => s.ChangeRequestedAt != null && s.Status != StoreStatus.Pending);

    private async Task<IReadOnlyList<StoreView>> ViewsAsync(List<Store> stores, bool withPendingChange, CancellationToken cancellationToken)
    {
        var views = new List<StoreView>();
        foreach (var store in stores)
        {
            views.Add(await ViewAsync(store, cancellationToken, withPendingChange));
        }

        return views;
    }
}
