using Microsoft.EntityFrameworkCore;
using Vermilion.Community.Media;

namespace Vermilion.Community.Notes;

/// <summary>
/// A video note cannot be shown before its video's rendition exists: at the moment it would be published it
/// waits as <see cref="NoteStatus.Processing"/> instead, and the video job publishes it (<see cref="VideoOutcome"/>).
/// </summary>
internal static class VideoWait
{
    public static async Task<bool> IsWaitingAsync(CommunityDb db, Note note, CancellationToken cancellationToken)
    {
        if (note.Type != NoteType.Video || note.Media.Count == 0)
        {
            return false;
        }

        var key = note.Media[0].MediaKey;
        return await db.MediaAssets.AnyAsync(m => m.Key == key && m.State == MediaState.Processing, cancellationToken);
    }
}
