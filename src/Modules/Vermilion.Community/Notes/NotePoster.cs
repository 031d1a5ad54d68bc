using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Media;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>
/// A video note's poster when the author picked one (a frame taken in the browser, or any of their pictures);
/// without one the note shows the frame the server took from the video.
/// </summary>
internal static class NotePoster
{
    public static async Task<MediaAsset?> FindAsync(CommunityDb db, long authorId, string? posterId, FieldErrors errors, IStringLocalizer text, CancellationToken cancellationToken)
    {
        if (posterId is null)
        {
            return null;
        }

        var poster = ShortId.TryDecode(posterId, out var id)
            ? await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == authorId && m.Kind == MediaKind.Image, cancellationToken)
            : null;
        if (poster is null)
        {
            errors.Add("posterId", text["community.note.poster"]);
        }

        return poster;
    }
}
