using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Discovery.Search.Analysis;

namespace Vermilion.Discovery.Search.Index.FullText;

/// <summary>
/// A query cache in front of the full-text engine, as search engines keep one: the same words under the same
/// narrowing give the same public matches for everybody, so they are computed once and shared. An entry lives
/// until this node writes to the index. Past <see cref="MaxAge"/> it is computed again, behind the request: the
/// request is answered from the entry and one refresh runs in the background (what another node indexed shows by
/// then), so the popular searches never all wait at once when their entries age together. Only an entry older
/// than <see cref="StaleFor"/> (its refreshes failing) makes a request wait. Only what is the same for every viewer is shared, the public matches: the notes a signed-in viewer sees
/// that are not public (their own, followers-only notes of people they follow) are asked for each time, from the
/// authors' side, and merged in; a viewer's blocks are applied to the shared list (a sorted page that loses a note
/// to a block is asked afresh, so pages stay full).
/// Deleted or hidden notes never slip through: cards are checked against the community when they are made.
/// </summary>
internal sealed class CachedFullText(IFullTextEngine engine, TimeProvider clock, IServiceScopeFactory? scopes = null) : IFullTextEngine
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan StaleFor = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long version;

    public async Task WriteAsync(SearchDb db, IReadOnlyList<NoteDocument> notes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await engine.WriteAsync(db, notes, now, cancellationToken);
        if (notes.Count > 0)
        {
            Changed();
        }
    }

    public async Task RemoveAsync(SearchDb db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await engine.RemoveAsync(db, ids, cancellationToken);
        if (ids.Count > 0)
        {
            Changed();
        }
    }

    public async Task ClearAsync(SearchDb db, CancellationToken cancellationToken)
    {
        await engine.ClearAsync(db, cancellationToken);
        Changed();
    }

    public async Task<List<Candidate>> BestAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, int limit, CancellationToken cancellationToken)
    {
        var shared = Shared(filter);
        var found = await GetAsync(Key("best", chunks, any, shared, limit), db, (on, cancel) => engine.BestAsync(on, chunks, any, shared, limit, cancel), cancellationToken);
        var visible = found.Where(c => !filter.Blocked.Contains(c.AuthorId));
        if (filter.Viewer is null)
        {
            return [.. visible];
        }

        var own = await engine.BestAsync(db, chunks, any, filter with { NonPublicOnly = true }, limit, cancellationToken);
        return own.Count == 0 ? [.. visible] : [.. visible.Concat(own).OrderByDescending(c => c.Relevance).ThenByDescending(c => c.Id).Take(limit)];
    }

    public async Task<List<Candidate>> SortedAsync(SearchDb db, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter filter, NoteSort sort, SortPosition? after, int limit, CancellationToken cancellationToken)
    {
        var shared = Shared(filter);
        var position = after is { } a ? $"{a.Key}:{a.Id}" : "-";
        var found = await GetAsync(Key($"sorted:{sort}:{position}", chunks, any, shared, limit), db, (on, cancel) => engine.SortedAsync(on, chunks, any, shared, sort, after, limit, cancel), cancellationToken);
        if (found.Any(c => filter.Blocked.Contains(c.AuthorId)))
        {
            return await engine.SortedAsync(db, chunks, any, filter, sort, after, limit, cancellationToken);
        }

        if (filter.Viewer is null)
        {
            return [.. found];
        }

        var own = await engine.SortedAsync(db, chunks, any, filter with { NonPublicOnly = true }, sort, after, limit, cancellationToken);
        return own.Count == 0 ? [.. found] : [.. found.Concat(own).OrderByDescending(c => c.SortKey(sort)).ThenByDescending(c => c.Id).Take(limit)];
    }

    /// <summary>The narrowing everyone shares: public notes only, no blocks, the time window to the minute.</summary>
    private static NoteFilter Shared(NoteFilter filter) => new(null, [], [], filter.Type,
        filter.Since is { } since ? new DateTimeOffset(since.UtcTicks - since.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero) : null, filter.City);

    private static string Key(string kind, IReadOnlyList<QueryChunk> chunks, bool any, NoteFilter shared, int limit)
    {
        var key = new StringBuilder(kind).Append('|').Append(any).Append('|').Append(limit)
            .Append('|').Append(shared.Type).Append('|').Append(shared.Since?.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('|').Append(shared.City);
        foreach (var chunk in chunks)
        {
            key.Append('|').Append(string.Join(' ', chunk.Tokens)).Append(chunk.Prefix ? "*" : "");
        }

        return key.ToString();
    }

    private async Task<IReadOnlyList<Candidate>> GetAsync(string key, SearchDb db, Func<SearchDb, CancellationToken, Task<List<Candidate>>> compute, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = Volatile.Read(ref version);
        if (entries.TryGetValue(key, out var entry) && entry.Version == current)
        {
            if (now - entry.At < MaxAge)
            {
                return entry.Found;
            }

            if (scopes is not null && now - entry.At < StaleFor)
            {
                RefreshBehind(key, entry, compute);
                return entry.Found;
            }
        }

        var found = await compute(db, cancellationToken);
        Store(key, current, now, found);
        return found;
    }

    /// <summary>Computes an aged entry again in a scope of its own, once at a time; a write meanwhile makes it stale at once.</summary>
    private void RefreshBehind(string key, Entry entry, Func<SearchDb, CancellationToken, Task<List<Candidate>>> compute)
    {
        if (Interlocked.Exchange(ref entry.Refreshing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            var before = Volatile.Read(ref version);
            try
            {
                await using var scope = scopes!.CreateAsyncScope();
                var found = await compute(scope.ServiceProvider.GetRequiredService<SearchDb>(), CancellationToken.None);
                Store(key, before, clock.GetUtcNow(), found);
            }
            catch (Exception error) when (error is DbException or InvalidOperationException or TimeoutException)
            {
                // The next request past MaxAge tries again; past StaleFor the request computes it itself.
                Volatile.Write(ref entry.Refreshing, 0);
            }
        });
    }

    private void Store(string key, long atVersion, DateTimeOffset at, List<Candidate> found)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = new Entry(atVersion, at, found);
    }

    private void Changed()
    {
        Interlocked.Increment(ref version);
        entries.Clear();
    }

    private sealed class Entry(long version, DateTimeOffset at, IReadOnlyList<Candidate> found)
    {
        public long Version { get; } = version;

        public DateTimeOffset At { get; } = at;

        public IReadOnlyList<Candidate> Found { get; } = found;

        public int Refreshing;
    }
}
