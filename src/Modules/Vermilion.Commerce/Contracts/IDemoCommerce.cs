namespace Vermilion.Commerce.Contracts;

/// <summary>Demo stores, products with SKUs, product cards on notes, orders and reviews on top of the demo community.</summary>
public interface IDemoCommerce
{
    /// <summary>Generates the demo shops unless they exist; returns how many products there are.</summary>
    Task<int> EnsureAsync(IReadOnlyList<long> people, CancellationToken cancellationToken);
}
