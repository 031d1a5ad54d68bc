using Microsoft.Extensions.Caching.Memory;
using Vermilion.Community.Comments;
using Vermilion.Kernel.Paging;

namespace Vermilion.Community.Notes;

/// <summary>What a note's page shows alike to every reader who may see it.</summary>
/// <param name="Row">The note as stored, for deciding per reader whether they may see it.</param>
/// <param name="Detail">The note with no reader's own bits (not liked, not collected, not following).</param>
/// <param name="BodyHtml">The body with its mentions linked.</param>
/// <param name="InSeries">Whether the note is in a series (only then is the series asked, per reader).</param>
/// <param name="Version">Different for every build of any note, so a rendering of it can be keyed by it.</param>
internal sealed record SharedNote(Note Row, NoteDetail Detail, string BodyHtml, bool InSeries, long Version = 0);

/// <summary>The first page of a note's comments one way, as a reader with no ties and no likes would see it.</summary>
/// <param name="Likers">
/// Everyone who liked a comment on the page (null when there are too many to keep): a reader not among them, as
/// nearly every reader of a viral note is not, needs no question about which comments they liked.
/// </param>
/// <param name="Version">Different for every build of any thread, so a rendering of it can be keyed by it.</param>
internal sealed record SharedThread(Page<CommentView> Page, IReadOnlySet<long>? Likers, long Version = 0);

/// <summary>A note's first comment page as one reader sees it.</summary>
/// <param name="ShareKey">
/// Set when this reader's page is exactly the shared one (nothing hidden by a block, nothing they liked or wrote,
/// not the note's author), so its rendering can be shared between such readers: it names that rendering.
/// </param>
internal sealed record ReaderThread(Page<CommentView> Page, string? ShareKey);

/// <summary>
/// A note's page is what a whole community opens at once when a note goes viral, so the part every reader sees
/// alike (the note, its author, topics, body and the first page of its comments each way) is built once and kept in
/// memory on this node for <see cref="Life"/>; each reader then costs only their own bits. Anonymous readers share
/// the whole rendered page (the output cache, tagged <see cref="PageTag"/>). Every write on this node that changes
/// what the page shows (edit, delete, publish, like, collect, comment) goes through <see cref="NoteRowCache.Forget"/>,
/// which drops all three at once; other nodes catch up when their entries expire.
/// </summary>
internal sealed class SharedNotes : IDisposable
{
    public static readonly TimeSpan Life = TimeSpan.FromSeconds(10);

    /// <summary>The output-cache policy of a note's page for anonymous readers.</summary>
    public const string PagePolicy = "community.note-page";

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    private long versions;

    public static string PageTag(long noteId) => "note:" + noteId;

    public async Task<SharedNote?> NoteAsync(long noteId, Func<Task<SharedNote?>> build)
    {
        if (cache.TryGetValue(new NoteKey(noteId), out SharedNote? note) && note is not null)
        {
            return note;
        }

        note = await build();
        if (note is not null)
        {
            note = note with { Version = Interlocked.Increment(ref versions) };
            cache.Set(new NoteKey(noteId), note, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = 1 + (note.Row.Body.Length / 2048) });
        }

        return note;
    }

    /// <summary>The first page of a note's comments in one order, as a reader with no ties would see them.</summary>
    public async Task<SharedThread> ThreadAsync(long noteId, string sort, Func<Task<SharedThread>> build)
    {
        var key = new ThreadKey(noteId, sort);
        if (cache.TryGetValue(key, out SharedThread? thread) && thread is not null)
        {
            return thread;
        }

        thread = await build() with { Version = Interlocked.Increment(ref versions) };
        var size = 1 + (thread.Page.Items.Count / 4) + ((thread.Likers?.Count ?? 0) / 256);
        cache.Set(key, thread, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Life, Size = size });
        return thread;
    }

    public void Forget(long noteId)
    {
        cache.Remove(new NoteKey(noteId));
        cache.Remove(new ThreadKey(noteId, CommentQueries.Hot));
        cache.Remove(new ThreadKey(noteId, CommentQueries.Latest));
    }

    public void Dispose() => cache.Dispose();

    private sealed record NoteKey(long NoteId);

    private sealed record ThreadKey(long NoteId, string Sort);
}
