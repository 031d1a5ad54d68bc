using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Search;
using Vermilion.Discovery.Search.Analysis;
using Vermilion.Discovery.Search.Index;
using Vermilion.Discovery.Search.Index.FullText;
using Vermilion.Testing;

namespace Vermilion.Discovery.Tests.Search.Results;

public sealed class CachedFullTextTests
{
    private static readonly QueryChunk[] Words = [new(["露营"], false, "露营")];
    private static readonly NoteFilter Visitor = new(null, [], []);

    [Fact]
    public async Task TheSameSearch_IsAskedOnce_UntilTheIndexChangesOrTheEntryAges()
    {
        var clock = new ManualClock();
        var engine = new CountingEngine();
        var cached = new CachedFullText(engine, clock);

        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        await cached.BestAsync(null!, Words, false, Visitor with { Type = null }, 10, CancellationToken.None);
        Assert.Equal(1, engine.Searches);

        await cached.RemoveAsync(null!, [1], CancellationToken.None);
        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        Assert.Equal(2, engine.Searches);

        clock.Advance(CachedFullText.MaxAge);
        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        Assert.Equal(3, engine.Searches);
    }

    [Fact]
    public async Task AnAgedEntry_AnswersAtOnce_AndIsComputedAgainBehindTheRequest_ButAWriteIsNeverAnsweredFromIt()
    {
        var clock = new ManualClock();
        var engine = new CountingEngine();
        await using var services = new ServiceCollection().AddDbContext<SearchDb>(o => o.UseSqlite("Data Source=:memory:")).BuildServiceProvider();
        var cached = new CachedFullText(engine, clock, services.GetRequiredService<IServiceScopeFactory>());
        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);

        clock.Advance(CachedFullText.MaxAge);
        engine.Removed.Add(1); // the index changed on another node: the aged entry still holds note 1
        var aged = await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        Assert.Equal([1, 2], aged.Select(c => c.Id));
        await engine.Searched.WaitAsync(TimeSpan.FromSeconds(30)); // the first search
        Assert.True(await engine.Searched.WaitAsync(TimeSpan.FromSeconds(30)), "the aged entry was not computed again");
        for (var i = 0; i < 100 && (await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None)).Count != 1; i++)
        {
            await Task.Delay(50); // the refresh is stored just after the engine answers
        }

        Assert.Equal([2], (await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None)).Select(c => c.Id));
        Assert.Equal(2, engine.Searches);

        // A write on this node is never answered from an entry made before it, aged or not.
        clock.Advance(CachedFullText.MaxAge);
        engine.Removed.Add(2);
        await cached.RemoveAsync(null!, [2], CancellationToken.None);
        Assert.Empty(await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None));
        Assert.Equal(3, engine.Searches);
    }

    [Fact]
    public async Task AViewersBlocks_AreAppliedToTheSharedMatches_AndTheirNonPublicNotesAreAskedForEachTime()
    {
        var engine = new CountingEngine();
        var cached = new CachedFullText(engine, new ManualClock());

        var blocking = await cached.BestAsync(null!, Words, false, new NoteFilter(7, [], [100]), 10, CancellationToken.None);
        var sorted = await cached.SortedAsync(null!, Words, false, new NoteFilter(7, [], [100]), NoteSort.Latest, null, 10, CancellationToken.None);
        var follower = await cached.BestAsync(null!, Words, false, new NoteFilter(8, [9], []), 10, CancellationToken.None);
        var again = await cached.BestAsync(null!, Words, false, new NoteFilter(8, [9], []), 10, CancellationToken.None);

        Assert.Equal([2], blocking.Select(c => c.Id));
        Assert.Equal([2], sorted.Select(c => c.Id)); // asked afresh with the block, not cut short
        Assert.Equal([3, 2, 1], follower.Select(c => c.Id)); // the followed author's followers-only note, by relevance
        Assert.Equal([3, 2, 1], again.Select(c => c.Id));
        Assert.All(engine.Filters.Where(f => f.Viewer is not null), f => Assert.True(f.NonPublicOnly || f.Blocked.Count > 0));
    }

    /// <summary>
    /// Public notes 1 (by author 100) and 2 (by author 200) match every search; author 9's followers-only note 3
    /// (the most relevant) matches for a follower of 9 asking for non-public notes.
    /// </summary>
    private sealed class CountingEngine : IFullTextEngine
    {
        public int Searches { get; private set; }

        public List<NoteFilter> Filters { get; } = [];

        /// <summary>Released once for every public search the engine answers.</summary>
        public SemaphoreSlim Searched { get; } = new(0);

        /// <summary>Notes gone from the index.</summary>
        public HashSet<long> Removed { get; } = [];

        public Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ClearAsync(SearchDb db, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<List<Candidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, int limit, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(filter));

        public Task<List<Candidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, NoteSort sort, SortPosition? after, int limit, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(filter));

        private List<Candidate> Answer(NoteFilter filter)
        {
            Filters.Add(filter);
            if (filter.NonPublicOnly)
            {
                return filter.Following.Contains(9) ? [Note(3, 9, 3)] : [];
            }

            Searches++;
            Searched.Release();
            return [.. new[] { Note(1, 100, 1), Note(2, 200, 2) }.Where(c => !filter.Blocked.Contains(c.AuthorId) && !Removed.Contains(c.Id))];
        }

        private static Candidate Note(long id, long author, double relevance) =>
            new(id, relevance, 0, 0, 0, DateTimeOffset.UnixEpoch.AddDays(id), 1, author);
    }
}
