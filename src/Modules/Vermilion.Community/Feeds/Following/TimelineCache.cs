using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Vermilion.Community.Notes;

namespace Vermilion.Community.Feeds.Following;

/// <summary>
/// The following feed's working set in memory, shared by the requests of this node: whom each reader follows and
/// who is blocked either way, and each creator's published and scheduled notes as (time, id). Only ids live here;
/// the notes themselves are read again for every page, so a note deleted or hidden since never shows. Entries live
/// <see cref="Life"/> and the writes that would change them drop them at once on this node (follow, unfollow,
/// block, publish); other nodes see such a change when their entry expires.
/// </summary>
internal sealed class TimelineCache : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(15);

    /// <summary>A creator keeps this many newest notes here; a reader paging past them is served by the database.</summary>
    public const int PerAuthor = 1000;

    /// <summary>Creators' timelines read in one query when several are missing.</summary>
    private const int LoadChunk = 500;

    /// <summary>Bounded in entries (a reader, or a creator per 64 notes, is one): about every person of a large community.</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 250_000 });

    public async Task<ReaderGraph> GraphAsync(CommunityDb db, long reader, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(ReaderKey(reader), out ReaderGraph? graph) && graph is not null)
        {
            return graph;
        }

        var blocked = (await db.Blocks.AsNoTracking()
            .Where(b => b.BlockerId == reader || b.BlockedId == reader)
            .Select(b => b.BlockerId == reader ? b.BlockedId : b.BlockerId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var followees = (await db.Follows.AsNoTracking().Where(f => f.FollowerId == reader).Select(f => f.FolloweeId).ToListAsync(cancellationToken))
            .Where(f => !blocked.Contains(f)).ToHashSet();
        graph = new ReaderGraph(followees, blocked);
        cache.Set(ReaderKey(reader), graph, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + ((followees.Count + blocked.Count) / 64) });
        return graph;
    }

    public async Task<List<AuthorTimeline>> TimelinesAsync(CommunityDb db, IReadOnlyList<long> authors, CancellationToken cancellationToken)
    {
        var timelines = new List<AuthorTimeline>(authors.Count);
        var missing = new List<long>();
        foreach (var author in authors)
        {
            if (cache.TryGetValue(AuthorKey(author), out AuthorTimeline? timeline) && timeline is not null)
            {
                timelines.Add(timeline);
            }
            else
            {
                missing.Add(author);
            }
        }

        foreach (var chunk in missing.Chunk(LoadChunk))
        {
            timelines.AddRange(await LoadAsync(db, chunk, cancellationToken));
        }

        return timelines;
    }

    /// <summary>Forgets whom a reader follows and blocks (after a follow, unfollow, block or unblock).</summary>
    public void ForgetReader(long reader) => cache.Remove(ReaderKey(reader));

    /// <summary>Forgets a creator's timeline (after a note of theirs is published, scheduled or rescheduled).</summary>
    public void ForgetAuthor(long author) => cache.Remove(AuthorKey(author));

    private async Task<List<AuthorTimeline>> LoadAsync(CommunityDb db, long[] authors, CancellationToken cancellationToken)
    {
        // Drafts and deleted notes never become feed entries again without a write that forgets the creator.
        var rows = await db.Notes.AsNoTracking()
            .Where(n => authors.Contains(n.AuthorId) && (n.Status == NoteStatus.Published || n.Status == NoteStatus.Scheduled))
            .Select(n => new { n.AuthorId, n.PublishAt, n.Id })
            .ToListAsync(cancellationToken);
        var byAuthor = rows.ToLookup(r => r.AuthorId, r => new TimelineEntry(r.PublishAt.UtcTicks, r.Id));
        var loaded = new List<AuthorTimeline>(authors.Length);
        foreach (var author in authors)
        {
            var entries = byAuthor[author].ToArray();
            Array.Sort(entries);
            var timeline = entries.Length > PerAuthor ? new AuthorTimeline(entries[..PerAuthor], true) : new AuthorTimeline(entries, false);
            cache.Set(AuthorKey(author), timeline, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + (timeline.Entries.Length / 64) });
            loaded.Add(timeline);
        }

        return loaded;
    }

    public void Dispose() => cache.Dispose();

    private static string ReaderKey(long reader) => "community.following." + reader.ToString(CultureInfo.InvariantCulture);

    private static string AuthorKey(long author) => "community.timeline." + author.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A reader's ties: whom they follow (never anyone blocked either way) and whom a block separates them from.</summary>
internal sealed record ReaderGraph(HashSet<long> Followees, HashSet<long> Blocked);
