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
        await cached.BestAsync(null!, Words, false, new NoteFilter(7, [], []), 10, CancellationToken.None);
        Assert.Equal(1, engine.Searches);

        await cached.WriteAsync(null!, [], clock.GetUtcNow(), CancellationToken.None);
        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        Assert.Equal(2, engine.Searches);

        clock.Advance(CachedFullText.MaxAge);
        await cached.BestAsync(null!, Words, false, Visitor, 10, CancellationToken.None);
        Assert.Equal(3, engine.Searches);
    }

    [Fact]
    public async Task AViewersBlocks_AreAppliedToTheSharedMatches_AndNotPublicNotesAreNeverShared()
    {
        var engine = new CountingEngine();
        var cached = new CachedFullText(engine, new ManualClock());

        var blocking = await cached.BestAsync(null!, Words, false, new NoteFilter(7, [], [100]), 10, CancellationToken.None);
        var sorted = await cached.SortedAsync(null!, Words, false, new NoteFilter(7, [], [100]), NoteSort.Latest, null, 10, CancellationToken.None);
        engine.NonPublicFor = 8;
        var follower = await cached.BestAsync(null!, Words, false, new NoteFilter(8, [9], []), 10, CancellationToken.None);

        Assert.Equal([2], blocking.Select(c => c.Id));
        Assert.Equal([2], sorted.Select(c => c.Id)); // asked afresh with the block, not cut short
        Assert.Equal(8, engine.LastFilter!.Viewer);
        Assert.Equal([1, 2, 3], follower.Select(c => c.Id));
    }

    /// <summary>Answers every search with notes 1 (by author 100) and 2 (by author 200); a follower of author 9 also gets note 3.</summary>
    private sealed class CountingEngine : IFullTextEngine
    {
        public int Searches { get; private set; }

        public long? NonPublicFor { get; set; }

        public NoteFilter? LastFilter { get; private set; }

        public Task<bool> SeesNonPublicAsync(SearchDb db, NoteFilter filter, CancellationToken cancellationToken) =>
            Task.FromResult(filter.Viewer is { } viewer && viewer == NonPublicFor);

        public Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ClearAsync(SearchDb db, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<List<Candidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, int limit, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(filter));

        public Task<List<Candidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, NoteSort sort, SortPosition? after, int limit, CancellationToken cancellationToken) =>
            Task.FromResult(Answer(filter));

        private List<Candidate> Answer(NoteFilter filter)
        {
            Searches++;
            LastFilter = filter;
            var all = new List<Candidate> { Note(1, 100), Note(2, 200) };
            if (filter.Following.Contains(9))
            {
                all.Add(Note(3, 9));
            }

            return [.. all.Where(c => !filter.Blocked.Contains(c.AuthorId))];
        }

        private static Candidate Note(long id, long author) => new(id, 1, 0, 0, 0, DateTimeOffset.UnixEpoch, 1, author);
    }
}
