using Vermilion.Commerce.Contracts;

namespace Vermilion.Commerce.Demo;

/// <summary>Demo stores, products and orders; filled in with the pages.</summary>
internal sealed class DemoShops(CommerceDb db) : IDemoCommerce
{
    public Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken) => Task.FromResult(db.Products.Count());
}
