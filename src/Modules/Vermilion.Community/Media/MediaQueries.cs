using Microsoft.EntityFrameworkCore;

namespace Vermilion.Community.Media;

/// <summary>An upload as its owner sees it, with a video's progress through its background job.</summary>
internal sealed class MediaQueries(CommunityDb db)
{
    public async Task<MediaView?> OwnAsync(long ownerId, long mediaId, CancellationToken cancellationToken)
    {
        var asset = await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.OwnerId == ownerId, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        var progress = asset.State == MediaState.Processing
            ? await db.VideoJobs.AsNoTracking().Where(j => j.MediaId == mediaId).Select(j => j.Progress).FirstOrDefaultAsync(cancellationToken)
            : 100;
        return UploadMediaHandler.ToView(asset, progress);
    }
}
