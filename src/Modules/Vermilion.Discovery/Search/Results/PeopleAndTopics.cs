using Vermilion.Accounts.Contracts;
using Vermilion.Community.Contracts;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Discovery.Search.Suggestions;

namespace Vermilion.Discovery.Search.Results;

/// <summary>A person found: who they are and how many of the matching notes they wrote.</summary>
internal sealed record PersonHit(UserSummary User, int MatchingNotes);

/// <summary>A topic found and how many findable notes name it.</summary>
internal sealed record TopicHit(string Name, int NoteCount);

/// <summary>
/// People for a query: the account whose username is exactly the query first, then the authors who wrote the
/// most of the best matching notes. (Nicknames are not indexed yet: accounts offer no export to index them from.)
/// </summary>
internal sealed class PeopleSearch(SearchDb db, IFullTextEngine engine, LexiconHolder lexicon, ISocialGraph graph, IUserDirectory users)
{
    public async Task<IReadOnlyList<PersonHit>> SearchAsync(long? viewer, ValidSearch search, CancellationToken cancellationToken)
    {
        var query = QueryAnalyzer.Analyze(search.Text, lexicon.Current);
        var blocked = viewer is { } me ? await graph.BlockedEitherWayAsync(me, cancellationToken) : new HashSet<long>();
        var authors = new List<(long Id, int Notes)>();
        if (await users.FindIdByUsernameAsync(search.Text.TrimStart('@'), cancellationToken) is { } exact && !blocked.Contains(exact))
        {
            authors.Add((exact, 0));
        }

        if (!query.IsEmpty)
        {
            var filter = new NoteFilter(viewer, [], blocked);
            var notes = await engine.BestAsync(db, query.Words, false, filter, NoteSearch.GeneralDepth, cancellationToken);
            var ids = notes.Select(n => n.Id).ToList();
            var byAuthor = db.Notes.Where(n => ids.Contains(n.Id)).Select(n => n.AuthorId).AsEnumerable()
                .GroupBy(a => a).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).Take(NoteSearch.PageSize);
            authors.AddRange(byAuthor.Where(a => !authors.Any(x => x.Id == a.Key)));
        }

        var found = await users.FindManyAsync([.. authors.Select(a => a.Id)], cancellationToken);
        return [.. authors.Where(a => found.TryGetValue(a.Id, out var u) && !u.Closed).Select(a => new PersonHit(found[a.Id], a.Notes))];
    }
}

/// <summary>Topics whose name contains the query (or one of its words), the whole query first, then by use.</summary>
internal sealed class TopicSearch(SuggestionHolder suggestions, LexiconHolder lexicon)
{
    public IReadOnlyList<TopicHit> Search(ValidSearch search)
    {
        var query = QueryAnalyzer.Analyze(search.Text, lexicon.Current);
        var whole = Characters.Fold(search.Text).Replace(" ", "", StringComparison.Ordinal).TrimStart('#');
        return [.. suggestions.Current.Topics
            .Select(t => (Topic: t, Folded: Characters.Fold(t.Key)))
            .Select(t => (t.Topic, Whole: t.Folded.Contains(whole, StringComparison.Ordinal), Words: query.Words.Count(w => t.Folded.Contains(w.Surface, StringComparison.Ordinal))))
            .Where(t => t.Whole || t.Words > 0)
            .OrderByDescending(t => t.Whole).ThenByDescending(t => t.Words).ThenByDescending(t => t.Topic.Value).ThenBy(t => t.Topic.Key, StringComparer.Ordinal)
            .Take(NoteSearch.PageSize)
            .Select(t => new TopicHit(t.Topic.Key, t.Topic.Value))];
    }
}
