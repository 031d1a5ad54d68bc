using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace Vermilion.Community.Notes;

/// <summary>Drops a note's rendered page (anonymous readers' copy) from the output cache when the note changes.</summary>
internal sealed partial class NotePageEviction(IOutputCacheStore pages, ILogger<NotePageEviction> logger)
{
    public void Evict(long noteId)
    {
        // The writes that change a note are synchronous about their caches; the in-memory store evicts at once, and
        // a store that cannot is logged, not allowed to fail the write that already happened.
        var eviction = pages.EvictByTagAsync(SharedNotes.PageTag(noteId), CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(eviction, noteId);
        }
    }

    private async Task ObserveAsync(ValueTask eviction, long noteId)
    {
        try
        {
            await eviction;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EvictionFailed(ex, noteId);
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "The rendered page of note {NoteId} could not be dropped from the output cache; it expires on its own.")]
    private partial void EvictionFailed(Exception ex, long noteId);
}
