using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index.FullText;

namespace Vermilion.Discovery.Search.Results;

/// <summary>A note found, with its title and a snippet of its body marked up where the query matched.</summary>
internal sealed record NoteHit(long Id, string TitleHtml, string SnippetHtml);

/// <summary>One page of note results; <see cref="Relaxed"/> when no note had every word and any word was enough.</summary>
internal sealed record NoteHits(IReadOnlyList<NoteHit> Hits, string? Next, IReadOnlyList<string> Highlights, bool Relaxed);

/// <summary>
/// Finds notes: candidates from the full-text index under the viewer's audience and blocks, ranked by the
/// chosen sort. A query whose words match nowhere together is relaxed to any of its words, so a long, specific
/// phrase still finds the nearest notes. The caller makes cards through the community, which checks visibility
/// once more.
/// </summary>
internal sealed class NoteSearch(SearchDb db, IFullTextEngine engine, LexiconHolder lexicon, ISocialGraph graph, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>How many of the best text matches the general sort blends and pages through.</summary>
    public const int GeneralDepth = 400;

    public async Task<NoteHits> SearchAsync(long? viewer, ValidSearch search, CancellationToken cancellationToken)
    {
        var query = QueryAnalyzer.Analyze(search.Text, lexicon.Current);
        if (query.IsEmpty)
        {
            return new NoteHits([], null, [], false);
        }

        var now = clock.GetUtcNow();
        var filter = new NoteFilter(
            viewer,
            viewer is { } me ? await graph.FollowingAsync(me, cancellationToken) : [],
            viewer is { } who ? await graph.BlockedEitherWayAsync(who, cancellationToken) : new HashSet<long>(),
            search.NoteType,
            search.Within is { } within ? now - within : null,
            search.City);
        var relaxed = search.Cursor?.Relaxed ?? false;
        List<Candidate> page;
        string? next;
        if (search.Sort == NoteSort.General)
        {
            var ranked = await GeneralAsync(query, relaxed, filter, now, cancellationToken);
            if (ranked.Count == 0 && !relaxed && search.Cursor is null && query.Words.Count > 1)
            {
                relaxed = true;
                ranked = await GeneralAsync(query, relaxed, filter, now, cancellationToken);
            }

            var offset = (int)Math.Min(search.Cursor?.Key ?? 0, GeneralDepth);
            page = [.. ranked.Skip(offset).Take(PageSize)];
            next = offset + PageSize < ranked.Count ? new SearchCursor(relaxed, offset + PageSize, 0).Encode() : null;
        }
        else
        {
            var after = search.Cursor is { } c ? new SortPosition(c.Key, c.Id) : (SortPosition?)null;
            var found = await engine.SortedAsync(db, query.Words, relaxed, filter, search.Sort, after, PageSize + 1, cancellationToken);
            if (found.Count == 0 && !relaxed && search.Cursor is null && query.Words.Count > 1)
            {
                relaxed = true;
                found = await engine.SortedAsync(db, query.Words, relaxed, filter, search.Sort, after, PageSize + 1, cancellationToken);
            }

            page = [.. found.Take(PageSize)];
            next = found.Count > PageSize ? new SearchCursor(relaxed, page[^1].SortKey(search.Sort), page[^1].Id).Encode() : null;
        }

        return new NoteHits(await HitsAsync(page, query, cancellationToken), next, query.Highlights, relaxed);
    }

    private async Task<List<Candidate>> GeneralAsync(AnalyzedQuery query, bool relaxed, NoteFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = await engine.BestAsync(db, query.Words, relaxed, filter, GeneralDepth, cancellationToken);
        var exact = new HashSet<long>();
        if (query.HasPhraseTier)
        {
            // Exact matches join even if the words alone ranked them below the depth.
            foreach (var match in await engine.BestAsync(db, query.Phrases, false, filter, GeneralDepth, cancellationToken))
            {
                exact.Add(match.Id);
                if (!candidates.Any(c => c.Id == match.Id))
                {
                    candidates.Add(match);
                }
            }
        }

        return GeneralRanking.Rank(candidates, exact, now);
    }

    private async Task<List<NoteHit>> HitsAsync(List<Candidate> page, AnalyzedQuery query, CancellationToken cancellationToken)
    {
        var ids = page.Select(c => c.Id).ToList();
        var texts = await db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.Title, n.Body }).ToDictionaryAsync(n => n.Id, cancellationToken);
        return [.. ids.Where(texts.ContainsKey).Select(id => new NoteHit(id,
            Highlighter.Html(texts[id].Title, query.Highlights),
            Highlighter.Snippet(texts[id].Body, query.Highlights)))];
    }
}
