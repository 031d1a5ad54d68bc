using Microsoft.EntityFrameworkCore;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Results;

/// <summary>A product found, with its title marked up where the query matched.</summary>
internal sealed record ProductHit(long Id, string TitleHtml);

/// <summary>One page of product results; <see cref="Relaxed"/> when no product had every word and any word was enough.</summary>
internal sealed record ProductHits(IReadOnlyList<ProductHit> Hits, string? Next, IReadOnlyList<string> Highlights, bool Relaxed);

/// <summary>
/// Finds products under the same analyzer and lexicon as notes: the best text matches blended by
/// <see cref="ProductRanking"/> and paged by offset, or a sorted list (sales, price, rating) paged by keyset. A query
/// whose words never meet in one product is relaxed to any of them. The caller makes cards through commerce, which
/// checks once more that each product is still on sale.
/// </summary>
internal sealed class ProductSearch(SearchDb db, IProductFullText engine, LexiconHolder lexicon)
{
    public const int PageSize = 20;

    /// <summary>How many of the best text matches the relevance sort blends and pages through.</summary>
    public const int RelevanceDepth = 400;

    public async Task<ProductHits> SearchAsync(ValidProductSearch search, CancellationToken cancellationToken)
    {
        var query = QueryAnalyzer.Analyze(search.Text, lexicon.Current);
        if (query.IsEmpty)
        {
            return new ProductHits([], null, [], false);
        }

        var relaxed = search.Cursor?.Relaxed ?? false;
        var mayRelax = !relaxed && search.Cursor is null && query.Words.Count > 1;
        List<ProductCandidate> page;
        string? next;
        if (search.Sort == ProductSort.Relevance)
        {
            var ranked = await RelevanceAsync(query, relaxed, cancellationToken);
            if (ranked.Count == 0 && mayRelax)
            {
                relaxed = true;
                ranked = await RelevanceAsync(query, relaxed, cancellationToken);
            }

            var offset = (int)Math.Min(search.Cursor?.Key ?? 0, RelevanceDepth);
            page = [.. ranked.Skip(offset).Take(PageSize)];
            next = offset + PageSize < ranked.Count ? new SearchCursor(relaxed, offset + PageSize, 0).Encode() : null;
        }
        else
        {
            var after = search.Cursor is { } c ? new SortPosition(c.Key, c.Id) : (SortPosition?)null;
            var found = await engine.SortedAsync(db, query.Words, relaxed, search.Sort, after, PageSize + 1, cancellationToken);
            if (found.Count == 0 && mayRelax)
            {
                relaxed = true;
                found = await engine.SortedAsync(db, query.Words, relaxed, search.Sort, after, PageSize + 1, cancellationToken);
            }

            page = [.. found.Take(PageSize)];
            next = found.Count > PageSize ? new SearchCursor(relaxed, page[^1].SortKey(search.Sort), page[^1].Id).Encode() : null;
        }

        var ids = page.Select(c => c.Id).ToList();
        var titles = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var hits = ids.Where(titles.ContainsKey).Select(id => new ProductHit(id, Highlighter.Html(titles[id], query.Highlights))).ToList();
        return new ProductHits(hits, next, query.Highlights, relaxed);
    }

    private async Task<List<ProductCandidate>> RelevanceAsync(AnalyzedQuery query, bool relaxed, CancellationToken cancellationToken)
    {
        var candidates = await engine.BestAsync(db, query.Words, relaxed, RelevanceDepth, cancellationToken);
        var exact = new HashSet<long>();
        if (query.HasPhraseTier)
        {
            // Exact matches join even if the words alone ranked them below the depth.
            foreach (var match in await engine.BestAsync(db, query.Phrases, false, RelevanceDepth, cancellationToken))
            {
                exact.Add(match.Id);
                if (!candidates.Any(c => c.Id == match.Id))
                {
                    candidates.Add(match);
                }
            }
        }

        return ProductRanking.Rank(candidates, exact);
    }
}
