using Vermilion.Commerce.Contracts;
using Vermilion.Community.Contracts;

namespace Vermilion.Discovery.Search.Api;

/// <summary>
/// The product a note in results carries, as the reference app shows it under the card's title: the first of its
/// product cards that is still on sale, with its cover, title and price.
/// </summary>
internal sealed class NoteProductChips(INoteProducts cards, IProductCatalog catalog)
{
    /// <summary>For each of these notes carrying a product on sale, that product; the others are absent.</summary>
    public async Task<IReadOnlyDictionary<long, ProductSummary>> ForAsync(IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        var carried = await cards.OnNotesAsync(noteIds, cancellationToken);
        if (carried.Count == 0)
        {
            return new Dictionary<long, ProductSummary>();
        }

        var onSale = (await catalog.SummariesAsync([.. carried.Values.SelectMany(p => p).Distinct()], cancellationToken))
            .ToDictionary(p => p.Id);
        var chips = new Dictionary<long, ProductSummary>();
        foreach (var (noteId, products) in carried)
        {
            if (products.Select(Kernel.Ids.ShortId.Encode).FirstOrDefault(onSale.ContainsKey) is { } first)
            {
                chips[noteId] = onSale[first];
            }
        }

        return chips;
    }

    public static CardChip Chip(ProductSummary product) =>
        new(product.Title, "/goods/" + product.Id, product.CoverUrl, "¥" + PriceText.Yuan(product.Price));
}
