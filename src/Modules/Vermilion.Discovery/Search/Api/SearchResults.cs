using Vermilion.Accounts.Contracts;
using Vermilion.Commerce.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Results;
using Vermilion.Discovery.Search.Suggestions;
using Vermilion.Kernel.Errors;

namespace Vermilion.Discovery.Search.Api;

/// <summary>
/// A note in results: its card, with the title and a body snippet marked where the query matched (safe HTML), and
/// the product it carries, if one is on sale (also the card's chip).
/// </summary>
internal sealed record NoteResult(NoteCard Card, string TitleHtml, string SnippetHtml, ProductSummary? Product = null);

/// <summary>A person in results.</summary>
internal sealed record PersonResult(UserSummary User, int MatchingNotes);

/// <summary>A topic in results.</summary>
internal sealed record TopicResult(string Name, int NoteCount);

/// <summary>
/// One page of results of one type; the others are empty. <c>Words</c> are the strings marked in results,
/// <c>Relaxed</c> says no note had every word.
/// </summary>
internal sealed record SearchPage(string Query, string Type, string Sort, IReadOnlyList<NoteResult> Notes, IReadOnlyList<PersonResult> People,
    IReadOnlyList<TopicResult> Topics, IReadOnlyList<string> Words, bool Relaxed, string? Next);

/// <summary>
/// Runs a search of any type and shapes the page: note ids become cards through the community (its visibility rules
/// last), each with the product it carries from commerce.
/// </summary>
internal sealed class SearchResults(NoteSearch notes, PeopleSearch people, TopicSearch topics, INoteCards cards, NoteProductChips chips, SearchRecorder recorder, TimeProvider clock)
{
    public async Task<SearchPage> SearchAsync(long? viewer, string? visitor, ValidSearch search, CancellationToken cancellationToken)
    {
        if (search.Cursor is null)
        {
            recorder.Record(new SearchMade(viewer, search.Text, clock.GetUtcNow(), visitor));
        }

        var sort = ValidSearch.Sorts.First(s => s.Value == search.Sort).Key;
        var type = search.Type.ToString().ToLowerInvariant();
        switch (search.Type)
        {
            case ResultType.Users:
                var found = await people.SearchAsync(viewer, search, cancellationToken);
                return new SearchPage(search.Text, type, sort, [], [.. found.Select(p => new PersonResult(p.User, p.MatchingNotes))], [], [], false, null);
            case ResultType.Topics:
                return new SearchPage(search.Text, type, sort, [], [], [.. topics.Search(search).Select(t => new TopicResult(t.Name, t.NoteCount))], [], false, null);
            default:
                var hits = await notes.SearchAsync(viewer, search, cancellationToken);
                var shown = await cards.CardsAsync([.. hits.Hits.Select(h => h.Id)], viewer, null, cancellationToken);
                var byId = hits.Hits.ToDictionary(h => Kernel.Ids.ShortId.Encode(h.Id));
                var products = await chips.ForAsync([.. hits.Hits.Select(h => h.Id)], cancellationToken);
                return new SearchPage(search.Text, type, sort, [.. shown.Select(c => Result(c, byId[c.Id], products.GetValueOrDefault(byId[c.Id].Id)))],
                    [], [], hits.Highlights, hits.Relaxed, hits.Next);
        }
    }

    private static NoteResult Result(NoteCard card, NoteHit hit, ProductSummary? product) =>
        new(product is null ? card : card with { Chip = NoteProductChips.Chip(product) }, hit.TitleHtml, hit.SnippetHtml, product);
}
