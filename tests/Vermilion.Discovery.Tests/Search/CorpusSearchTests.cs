using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Search;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Discovery.Search.Results;
using Vermilion.Kernel.Persistence;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search;

/// <summary>Search over 62,774 real reviews as notes, on both databases.</summary>
public sealed partial class CorpusSearchTests(CorpusIndex corpus) : IClassFixture<CorpusIndex>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PhraseQuery_RanksExactPhraseMatchesAboveScatteredOnes(DatabaseProvider provider)
    {
        foreach (var phrase in new[] { "早餐品种太少", "房间隔音效果很差" })
        {
            var exact = Matching(r => r.Text.Contains(phrase, StringComparison.Ordinal));
            var found = await SearchAsync(provider, new SearchRequest(phrase), pages: 2);

            Assert.InRange(exact.Count, 1, NoteSearch.PageSize);
            Assert.Equal(exact.Order(), found.Take(exact.Count).Order());
            Assert.True(found.Count > exact.Count, $"{phrase}: notes with its words scattered are found after the exact ones");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CategoryWords_FindTheirCategory(DatabaseProvider provider)
    {
        foreach (var (word, category) in new[] { ("酒店", "酒店"), ("洗发水", "洗发水"), ("蒙牛", "蒙牛"), ("平板", "平板"), ("衣服", "衣服"), ("这本书", "书籍") })
        {
            var found = await SearchAsync(provider, new SearchRequest(word), pages: 1);
            var reviews = ReviewCorpus.All;
            var share = found.Count(id => reviews[(int)(id - CorpusIndex.NoteId(0))].Category == category) / (double)found.Count;

            Assert.Equal(NoteSearch.PageSize, found.Count);
            Assert.True(share >= 0.7, $"{word}: {share:P0} of the first page is from {category}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Sorts_OrderByTheirFieldAndPageWithoutRepeats(DatabaseProvider provider)
    {
        var app = await corpus.GetAsync(provider);
        foreach (var (sort, key) in new (string, Func<IndexedNote, long>)[]
        {
            ("latest", n => n.PublishedAt.UtcTicks), ("likes", n => n.LikeCount), ("comments", n => n.CommentCount), ("collects", n => n.CollectCount),
        })
        {
            var found = await SearchAsync(provider, new SearchRequest("酒店", Sort: sort), pages: 3);
            var notes = await NotesAsync(app, found);

            Assert.Equal(3 * NoteSearch.PageSize, found.Count);
            Assert.Equal(found.Count, found.Distinct().Count());
            Assert.Equal(found.Select(id => key(notes[id])).OrderDescending(), found.Select(id => key(notes[id])));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filters_KeepOnlyNotesOfTheTypeTimeAndCity(DatabaseProvider provider)
    {
        var app = await corpus.GetAsync(provider);
        foreach (var (request, within) in new[]
        {
            (new SearchRequest("手机", NoteType: "video", Time: "halfyear", City: "杭州"), TimeSpan.FromDays(182)),
            (new SearchRequest("这本书", Sort: "likes", Time: "week"), TimeSpan.FromDays(7)),
        })
        {
            var found = await SearchAsync(provider, request, pages: 2);
            var notes = await NotesAsync(app, found);

            Assert.NotEmpty(found);
            Assert.All(notes.Values, n =>
            {
                Assert.True(request.NoteType is null || n.Type == request.NoteType);
                Assert.True(request.City is null || n.City == request.City);
                Assert.True(n.PublishedAt >= CorpusIndex.Now - within - TimeSpan.FromMinutes(5));
            });
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrivateNotes_AreFoundOnlyByTheirAuthor(DatabaseProvider provider)
    {
        var index = Enumerable.Range(0, ReviewCorpus.All.Count).First(i => CorpusIndex.IsPrivate(i) && ReviewCorpus.All[i].Text.Length > 30);
        var phrase = ReviewCorpus.All[index].Text.Substring(5, 8);

        var byOthers = await SearchAsync(provider, new SearchRequest(phrase), pages: 5);
        var byAuthor = await SearchAsync(provider, new SearchRequest(phrase), pages: 5, viewer: CorpusIndex.AuthorOf(index));

        Assert.DoesNotContain(CorpusIndex.NoteId(index), byOthers);
        Assert.Contains(CorpusIndex.NoteId(index), byAuthor);
        Assert.DoesNotContain(byOthers, id => CorpusIndex.IsPrivate((int)(id - CorpusIndex.NoteId(0))));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BlockedAuthors_NeverAppear(DatabaseProvider provider)
    {
        var app = await corpus.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDb>();
        var engine = scope.ServiceProvider.GetRequiredService<IFullTextEngine>();
        var words = QueryAnalyzer.Analyze("酒店", Lexicon.Empty).Words;
        var open = await engine.BestAsync(db, words, false, new NoteFilter(42, [], []), 200, CancellationToken.None);
        var blocked = open.Select(c => CorpusIndex.AuthorOf((int)(c.Id - CorpusIndex.NoteId(0)))).Distinct().Take(5).ToHashSet();

        var filtered = await engine.BestAsync(db, words, false, new NoteFilter(42, [], blocked), 200, CancellationToken.None);
        var latest = await engine.SortedAsync(db, words, false, new NoteFilter(42, [], blocked), NoteSort.Latest, null, 200, CancellationToken.None);

        Assert.NotEmpty(filtered);
        Assert.DoesNotContain(filtered.Concat(latest), c => blocked.Contains(CorpusIndex.AuthorOf((int)(c.Id - CorpusIndex.NoteId(0)))));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WordsThatNeverMeet_RelaxToAnyWord(DatabaseProvider provider)
    {
        var app = await corpus.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<NoteSearch>();

        var hits = await search.SearchAsync(null, Valid(new SearchRequest("蒙牛 热水器 qzxqzx")), CancellationToken.None);

        Assert.True(hits.Relaxed);
        Assert.NotEmpty(hits.Hits);
        Assert.Contains("<em>", hits.Hits[0].SnippetHtml, StringComparison.Ordinal);
    }

    private static HashSet<long> Matching(Func<Review, bool> predicate) =>
        [.. ReviewCorpus.All.Select((r, i) => (r, i)).Where(x => predicate(x.r) && !CorpusIndex.IsPrivate(x.i)).Select(x => CorpusIndex.NoteId(x.i))];

    private async Task<List<long>> SearchAsync(DatabaseProvider provider, SearchRequest request, int pages, long? viewer = null)
    {
        var app = await corpus.GetAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<NoteSearch>();
        var found = new List<long>();
        string? cursor = null;
        for (var page = 0; page < pages; page++)
        {
            var hits = await search.SearchAsync(viewer, Valid(request with { Cursor = cursor }), CancellationToken.None);
            found.AddRange(hits.Hits.Select(h => h.Id));
            cursor = hits.Next;
            if (cursor is null)
            {
                break;
            }
        }

        return found;
    }

    private static async Task<Dictionary<long, IndexedNote>> NotesAsync(VermilionApp app, List<long> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDb>();
        return await db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id);
    }

    private static ValidSearch Valid(SearchRequest request)
    {
        var outcome = ValidSearch.Check(request, new Microsoft.Extensions.Localization.StringLocalizer<CorpusSearchTests>(
            new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)));
        Assert.True(outcome.Succeeded);
        return outcome.Value!;
    }
}
