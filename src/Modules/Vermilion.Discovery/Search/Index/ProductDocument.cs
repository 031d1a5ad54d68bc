using Vermilion.Commerce.Contracts;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index;

/// <summary>A listed product ready to index: what the sorts read, its text, and that text as index tokens per field.</summary>
internal sealed record ProductDocument(
    long Id,
    long StoreId,
    string Title,
    string Specs,
    string StoreName,
    string Notes,
    long Price,
    int SoldCount,
    int Rating,
    int RatingCount)
{
    public IReadOnlyList<string> TitleTokens => TextAnalyzer.IndexTokens(Title);

    public IReadOnlyList<string> SpecTokens => TextAnalyzer.IndexTokens(Specs);

    public IReadOnlyList<string> StoreTokens => TextAnalyzer.IndexTokens(StoreName);

    public IReadOnlyList<string> NoteTokens => TextAnalyzer.IndexTokens(Notes);

    /// <summary>The document for a product the catalogue holds, or null when buyers may not see it (off the shelf, store not approved).</summary>
    public static ProductDocument? From(ProductRecord product, string notes) =>
        product.Listed
            ? new ProductDocument(product.Id, product.StoreId, Cut(product.Title, IndexedProduct.TitleMax), Cut(product.Specs, IndexedProduct.SpecsMax),
                Cut(product.StoreName, IndexedProduct.StoreNameMax), Cut(notes, IndexedProduct.NotesMax), product.Price, product.SoldCount,
                RatingOf(product.RatingSum, product.RatingCount), product.RatingCount)
            : null;

    /// <summary>Average stars × 100, rounded; 0 without reviews.</summary>
    public static int RatingOf(int sum, int count) => count == 0 ? 0 : (int)Math.Round(100.0 * sum / count, MidpointRounding.AwayFromZero);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
