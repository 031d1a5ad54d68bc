using Vermilion.Commerce.Contracts;
using Vermilion.Kernel.Events;

namespace Vermilion.Discovery.Search.Index;

/// <summary>
/// Follows commerce's catalogue: a product created, edited or put on or off the shelf is read again, and so are the
/// notes carrying it (their words hold its title); a note's product cards set move both sides; a store's decision
/// (approved, renamed) re-reads its products. Sales and reviews only mark products for the next flush of counts.
/// </summary>
internal sealed class IndexOnCatalogEvents(ProductIndexer products, NoteIndexer notes, ProductCounts counts, IProductCatalog catalog, INoteProducts cards) :
    IEventHandler<ProductChanged>,
    IEventHandler<NoteProductsChanged>,
    IEventHandler<StoreDecided>,
    IEventHandler<StoreChangeDecided>,
    IEventHandler<ProductsSold>,
    IEventHandler<ReviewPosted>
{
    /// <summary>How many of the notes carrying a product have their words rewritten when the product changes.</summary>
    private const int NotesRewritten = 500;

    public Task HandleAsync(ProductChanged domainEvent, EventContext context, CancellationToken cancellationToken) =>
        RefreshAsync([domainEvent.ProductId], cancellationToken);

    public async Task HandleAsync(NoteProductsChanged domainEvent, EventContext context, CancellationToken cancellationToken)
    {
        await notes.RefreshProductWordsAsync([domainEvent.NoteId], cancellationToken);
        await products.RefreshAsync(domainEvent.ProductIds, cancellationToken);
    }

    public async Task HandleAsync(StoreDecided domainEvent, EventContext context, CancellationToken cancellationToken) =>
        await RefreshAsync(await catalog.ProductIdsOfStoreAsync(domainEvent.StoreId, cancellationToken), cancellationToken);

    public async Task HandleAsync(StoreChangeDecided domainEvent, EventContext context, CancellationToken cancellationToken) =>
        await RefreshAsync(await catalog.ProductIdsOfStoreAsync(domainEvent.StoreId, cancellationToken), cancellationToken);

    public Task HandleAsync(ProductsSold domainEvent, EventContext context, CancellationToken cancellationToken) =>
        counts.MarkAsync(domainEvent.ProductIds, cancellationToken);

    public Task HandleAsync(ReviewPosted domainEvent, EventContext context, CancellationToken cancellationToken) =>
        counts.MarkAsync([domainEvent.ProductId], cancellationToken);

    private async Task RefreshAsync(IReadOnlyCollection<long> productIds, CancellationToken cancellationToken)
    {
        await products.RefreshAsync(productIds, cancellationToken);
        foreach (var productId in productIds)
        {
            await notes.RefreshProductWordsAsync(await cards.NotesCarryingAsync(productId, NotesRewritten, cancellationToken), cancellationToken);
        }
    }
}
