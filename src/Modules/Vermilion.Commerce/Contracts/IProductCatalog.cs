namespace Vermilion.Commerce.Contracts;

/// <summary>
/// A product as another module indexes it: its words (title; SKU specs and attributes as "name value" words; the
/// store's name), its price (the lowest SKU's, in fen), sales and rating, and whether buyers may see it at all
/// (<paramref name="Listed"/>: on the shelf of an approved store).
/// </summary>
public sealed record ProductRecord(
    long Id,
    long StoreId,
    string Title,
    string Specs,
    string StoreName,
    long Price,
    int SoldCount,
    int RatingSum,
    int RatingCount,
    bool Listed);

/// <summary>A product as a card: its picture, title, price (fen), rating, sales and store; ids in their short form.</summary>
public sealed record ProductSummary(
    string Id,
    string Title,
    string? CoverUrl,
    long Price,
    long OriginalPrice,
    double? Rating,
    int RatingCount,
    int Sold,
    bool InStock,
    string StoreId,
    string StoreName);

/// <summary>The catalogue read by other modules (search): products by id and in id order, and cards for buyers.</summary>
public interface IProductCatalog
{
    /// <summary>The products among <paramref name="ids"/> that exist, listed or not.</summary>
    Task<IReadOnlyList<ProductRecord>> ProductsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> products with ids above <paramref name="afterId"/>, in id order: for building an index.</summary>
    Task<IReadOnlyList<ProductRecord>> ProductsAfterAsync(long afterId, int take, CancellationToken cancellationToken);

    /// <summary>Every product of a store, listed or not (its name or standing changed).</summary>
    Task<IReadOnlyList<long>> ProductIdsOfStoreAsync(long storeId, CancellationToken cancellationToken);

    /// <summary>Cards for the listed products among <paramref name="ids"/>, in the order asked; the others are left out.</summary>
    Task<IReadOnlyList<ProductSummary>> SummariesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);
}
