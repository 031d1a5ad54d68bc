using Vermilion.Commerce.Contracts;
using Vermilion.Discovery.Search.Results;
using Vermilion.Discovery.Search.Suggestions;

namespace Vermilion.Discovery.Search.Api;

/// <summary>A product in results: its card from commerce, with the title marked where the query matched (safe HTML).</summary>
internal sealed record ProductResult(ProductSummary Card, string TitleHtml);

/// <summary>One page of product results (商品); <c>Words</c> are the strings marked, <c>Relaxed</c> says no product had every word.</summary>
internal sealed record ProductSearchPage(string Query, string Sort, IReadOnlyList<ProductResult> Products, IReadOnlyList<string> Words, bool Relaxed, string? Next);

/// <summary>Runs a product search and shapes the page: ids become cards through commerce, which leaves out what is no longer on sale.</summary>
internal sealed class ProductResults(ProductSearch search, IProductCatalog catalog, SearchRecorder recorder, TimeProvider clock)
{
    public async Task<ProductSearchPage> SearchAsync(long? viewer, string? visitor, ValidProductSearch request, CancellationToken cancellationToken)
    {
        if (request.Cursor is null)
        {
            recorder.Record(new SearchMade(viewer, request.Text, clock.GetUtcNow(), visitor));
        }

        var hits = await search.SearchAsync(request, cancellationToken);
        var cards = await catalog.SummariesAsync([.. hits.Hits.Select(h => h.Id)], cancellationToken);
        var byId = hits.Hits.ToDictionary(h => Kernel.Ids.ShortId.Encode(h.Id));
        return new ProductSearchPage(request.Text, request.SortName, [.. cards.Select(c => new ProductResult(c, byId[c.Id].TitleHtml))],
            hits.Highlights, hits.Relaxed, hits.Next);
    }
}
