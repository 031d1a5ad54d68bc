using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vermilion.Community.Media;
using Vermilion.Kernel.Errors;
using Vermilion.Kernel.Ids;

namespace Vermilion.Community.Notes;

/// <summary>A video note's poster: one of the author's own pictures (the publish page takes a frame in the browser).</summary>
internal static class NotePoster
{
    public static async Task<MediaAsset?> FindAsync(CommunityDb db, long authorId, string? posterId, FieldErrors errors, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var poster = posterId is not null && ShortId.TryDecode(posterId, out var id)
            ? await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == authorId && m.Kind == MediaKind.Image, cancellationToken)
            : null;
        if (poster is null)
        {
            errors.Add("posterId", text["community.note.poster"]);
        }

        return poster;
    }
}
